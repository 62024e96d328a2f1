import type { PlatformModule } from '../platform/module.ts';
import { medicalMigrations } from './storage/migrations.ts';

/** The medical area as the platform sees it. */
export const medicalModule: PlatformModule = {
  name: 'medical',
  title: '医保',
  migrations: medicalMigrations,
  errors: {},
  rules: [],
  manifests: [],
};
