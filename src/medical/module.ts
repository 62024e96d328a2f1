import type { PlatformModule } from '../platform/module.ts';
import { registerMedicalCommands } from './commands/settle.ts';
import { medicalMigrations } from './storage/migrations.ts';

/** The medical area as the platform sees it. */
export const medicalModule: PlatformModule = {
  name: 'medical',
  title: '医保',
  migrations: medicalMigrations,
  commands: registerMedicalCommands,
  errors: {},
  rules: [],
  manifests: [],
};
