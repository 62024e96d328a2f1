import type { PlatformModule } from '../platform/module.ts';
import { priceCommands } from './commands/index.ts';
import { priceErrors } from './errors.ts';
import { priceRules } from './rules/declarations.ts';
import { priceMigrations } from './storage/migrations.ts';

/** The price area (鸡政办规〔2022〕20号) as the platform sees it. */
export const priceModule: PlatformModule = {
  name: 'price',
  title: '价格',
  migrations: priceMigrations,
  errors: priceErrors,
  rules: priceRules,
  manifests: ['params/d3-price/articles.yaml'],
  commands: priceCommands,
  // Loaded on use: services import the error catalog, which imports the
  // module list this file belongs to.
  routes: async (app, ctx) => (await import('./routes/index.ts')).priceRoutes(app, ctx),
  seedDemo: async (ctx, options) => {
    await (await import('./demo/seed.ts')).seedPriceDemo(ctx, options);
  },
};
