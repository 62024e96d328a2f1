/** The credit services, built once per platform context. */
import type { PlatformContext } from '../../platform/context.ts';
import { CreditAccessLog } from './accessLog.ts';
import { CreditImports } from './imports.ts';
import { CreditRegistry } from './registry.ts';
import { CreditSupervision } from './supervision.ts';
import { CreditWorkflows } from './workflows.ts';

export interface CreditServices {
  registry: CreditRegistry;
  imports: CreditImports;
  supervision: CreditSupervision;
  workflows: CreditWorkflows;
  accessLog: CreditAccessLog;
}

export function creditServices(ctx: PlatformContext): CreditServices {
  const registry = new CreditRegistry(ctx);
  return {
    registry,
    imports: new CreditImports(ctx, registry),
    supervision: new CreditSupervision(ctx, registry.scoring),
    workflows: new CreditWorkflows(ctx, registry),
    accessLog: new CreditAccessLog(ctx),
  };
}

export { rescoreAll, rescoreBatch, ENTITY_COLUMNS, RECORD_COLUMNS } from './imports.ts';
export type { StoredScore, RescoreOutcome } from './scoring.ts';
