import type { PlatformModule } from '../platform/module.ts';
import { registerDisabilityCommands } from './commands/index.ts';
import { disabilityErrors } from './errors.ts';
import { disabilityRules } from './rules/index.ts';
import { disabilityMigrations } from './storage/migrations.ts';

/**
 * The disability area as the platform sees it (鸡政规〔2022〕8号). Routes,
 * the commands' work and the demonstration data are loaded on use: service
 * code imports the error catalog, which reads this module while it is assembled.
 */
export const disabilityModule: PlatformModule = {
  name: 'disability',
  title: '残联',
  migrations: disabilityMigrations,
  errors: disabilityErrors,
  rules: disabilityRules,
  manifests: ['params/d1-disability/articles.yaml'],
  commands: registerDisabilityCommands,
  routes: async (app, ctx) => (await import('./routes/index.ts')).disabilityRoutes(app, ctx),
  seedDemo: async (ctx, options) => {
    await (await import('./demo/seed.ts')).seedDisabilityDemo(ctx, options);
  },
};
