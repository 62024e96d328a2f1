import type { PlatformModule } from '../platform/module.ts';
import { creditCommands } from './commands/index.ts';
import { creditErrors } from './errors.ts';
import { creditRules } from './rules/index.ts';
import { creditMigrations } from './storage/migrations.ts';

/** The credit area as the platform sees it (D2 鸡政办规〔2022〕16号). */
export const creditModule: PlatformModule = {
  name: 'credit',
  title: '信用',
  migrations: creditMigrations,
  errors: creditErrors,
  rules: creditRules,
  manifests: ['params/d2-credit/articles.yaml'],
  // Loaded on use: routes and services import the error catalog, which
  // imports this module list; a static import would be a cycle.
  routes: async (app, ctx) => (await import('./routes/index.ts')).creditRoutes(app, ctx),
  commands: creditCommands,
  seedDemo: async (ctx, options) => {
    await (await import('./demo/seed.ts')).seedCreditDemo(ctx, options);
  },
};
