import type { PlatformModule } from '../platform/module.ts';
import { disabilityRules } from './rules/index.ts';

/** The disability area as the platform sees it. */
export const disabilityModule: PlatformModule = {
  name: 'disability',
  title: '残联',
  migrations: {},
  errors: {},
  rules: disabilityRules,
  manifests: ['params/d1-disability/articles.yaml'],
};
