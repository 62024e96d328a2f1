import type { PlatformModule } from '../platform/module.ts';

/** The price area as the platform sees it. */
export const priceModule: PlatformModule = {
  name: 'price',
  title: '价格',
  migrations: {},
  errors: {},
  rules: [],
  manifests: [],
};
