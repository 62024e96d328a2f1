import type { PlatformModule } from '../platform/module.ts';

/** The disability area as the platform sees it. */
export const disabilityModule: PlatformModule = {
  name: 'disability',
  title: '残联',
  migrations: {},
  errors: {},
  rules: [],
  manifests: [],
};
