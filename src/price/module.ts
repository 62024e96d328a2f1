import type { PlatformModule } from '../platform/module.ts';
import { priceErrors } from './errors.ts';
import { priceRules } from './rules/declarations.ts';

/** The price area (鸡政办规〔2022〕20号) as the platform sees it. */
export const priceModule: PlatformModule = {
  name: 'price',
  title: '价格',
  migrations: {},
  errors: priceErrors,
  rules: priceRules,
  manifests: [],
};
