import type { PlatformModule } from '../platform/module.ts';
import { registerMedicalCommands } from './commands/index.ts';
import { medicalErrors } from './errors.ts';
import { MEDICAL_MANIFESTS, medicalRules } from './rules/rules.ts';
import { medicalMigrations } from './storage/migrations.ts';

/** The medical area as the platform sees it. */
export const medicalModule: PlatformModule = {
  name: 'medical',
  title: '医保',
  migrations: medicalMigrations,
  commands: registerMedicalCommands,
  // Loaded on use: service code imports the error catalog, which reads this
  // module while it is assembled.
  routes: async (app, ctx) => (await import('./routes/index.ts')).medicalRoutes(app, ctx),
  seedDemo: async (ctx, options) => {
    await (await import('./demo/seed.ts')).seedMedicalDemo(ctx, options);
  },
  errors: medicalErrors,
  rules: medicalRules,
  manifests: MEDICAL_MANIFESTS,
};
