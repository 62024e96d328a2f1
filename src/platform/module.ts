/**
 * What each area (medical, credit, price, disability, and later ones)
 * contributes to the one process: migrations, HTTP routes, commands,
 * error codes and rule declarations. `src/platform/modules.ts` lists them.
 */
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';

import type { ErrorCatalogPart } from '../core/errors.ts';
import type { RuleDeclaration } from '../core/params/articles.ts';
import type { PlatformContext } from './context.ts';

export interface PlatformModule {
  name: string;
  /** Chinese name shown in menus: 医保, 信用, 价格, 残联 … */
  title: string;
  migrations: Record<string, Migration>;
  errors: ErrorCatalogPart;
  rules: readonly RuleDeclaration[];
  /** Article manifest files (relative to the repository root). */
  manifests: readonly string[];
  /** Registers routes under /api/<name>. */
  routes?: (app: FastifyInstance, ctx: PlatformContext) => Promise<void>;
  /** Registers `jixi <name> …` commands. */
  commands?: (program: Command, open: () => Promise<PlatformContext>) => void;
  /** Loads the demonstration data set (synthetic). */
  seedDemo?: (ctx: PlatformContext, options: { size: 'small' | 'full'; onProgress?: (done: number, total: number) => void }) => Promise<void>;
}
