import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Logger } from 'pino';

import { createLogger } from '../core/logger.ts';
import { ParamRegistry } from '../core/params/registry.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PARAMS_DIR = join(ROOT, 'params');

/** What services need: the store, the parameters, a logger. */
export interface PlatformContext {
  store: DatabaseHandle;
  params: ParamRegistry;
  logger: Logger;
  close(): Promise<void>;
}

let cachedParams: ParamRegistry | undefined;

export function loadParams(): ParamRegistry {
  cachedParams ??= ParamRegistry.load(PARAMS_DIR);
  return cachedParams;
}

export async function openContext(
  options: { databaseUrl?: string; searchPath?: string; logger?: Logger; migrate?: boolean } = {},
): Promise<PlatformContext> {
  const store = openDatabase(options.databaseUrl, options.searchPath ? { searchPath: options.searchPath } : {});
  const logger = options.logger ?? createLogger();
  if (options.migrate !== false) await migrateToLatest(store);
  return {
    store,
    params: loadParams(),
    logger,
    close: () => store.close(),
  };
}
