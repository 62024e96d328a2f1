import type { PlatformModule } from '../platform/module.ts';
import { creditRules } from './rules/index.ts';

/** The credit area as the platform sees it. */
export const creditModule: PlatformModule = {
  name: 'credit',
  title: '信用',
  migrations: {},
  errors: {},
  rules: creditRules,
  manifests: ['params/d2-credit/articles.yaml'],
};
