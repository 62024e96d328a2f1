import type { PlatformModule } from '../platform/module.ts';

/** The credit area as the platform sees it. */
export const creditModule: PlatformModule = {
  name: 'credit',
  title: '信用',
  migrations: {},
  errors: {},
  rules: [],
  manifests: [],
};
