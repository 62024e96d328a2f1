/**
 * Batch work across machines: a PostgreSQL-backed job queue (pg-boss) that
 * any number of worker processes take from. A job is one chunk of a batch;
 * delivery is at least once (a worker killed mid-job leaves it to expire
 * and be retried by another), so every handler must make a repeat harmless:
 * settlement skips a claim id already stored.
 */
import PgBoss from 'pg-boss';

import { parseClaimRow } from '../medical/services/records.ts';
import { settleClaim } from '../medical/services/settlement.ts';
import type { PlatformContext } from './context.ts';

/** 一站式结算 of a chunk of claims, as rows of the claims file. */
export const SETTLE_QUEUE = 'medical.settle';

export interface SettleJob {
  claims: Array<Record<string, string>>;
}

export interface SettleJobOutput {
  worker: string;
  outcomes: Record<string, number>;
}

export interface QueueOptions {
  /** PostgreSQL holding the queue; the platform's own database will do. */
  connectionString: string;
  /** Schema of the queue's tables (pg-boss's default: pgboss). */
  schema?: string;
}

export function openQueue(options: QueueOptions & { max?: number; maintenanceIntervalSeconds?: number }): PgBoss {
  return new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? 'pgboss',
    max: options.max ?? 4,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
}

/** The queue's retry policy: a job held by a dead worker comes back after `expireInSeconds`. */
export async function createSettleQueue(boss: PgBoss, options: { expireInSeconds?: number; retryLimit?: number } = {}): Promise<void> {
  await boss.createQueue(SETTLE_QUEUE, {
    name: SETTLE_QUEUE,
    retryLimit: options.retryLimit ?? 5,
    retryDelay: 0,
    expireInSeconds: options.expireInSeconds ?? 60,
  });
}

/** Queue a batch of claim rows in chunks; returns the number of jobs. */
export async function enqueueClaims(boss: PgBoss, rows: ReadonlyArray<Record<string, string>>, chunk: number): Promise<number> {
  const jobs: Array<{ name: string; data: SettleJob }> = [];
  for (let i = 0; i < rows.length; i += chunk) jobs.push({ name: SETTLE_QUEUE, data: { claims: rows.slice(i, i + chunk) } });
  if (jobs.length) await boss.insert(jobs);
  return jobs.length;
}

async function settleChunk(ctx: PlatformContext, worker: string, job: PgBoss.Job<SettleJob>): Promise<SettleJobOutput> {
  const outcomes: Record<string, number> = {};
  for (const values of job.data.claims) {
    const parsed = parseClaimRow(values);
    if (!parsed.ok) throw new Error(`job ${job.id}: a claim row does not parse (${parsed.problems.map((p) => p.field).join(', ')})`);

    const result = await settleClaim(ctx, parsed.value);
    outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
  }
  ctx.logger.info({ job: job.id, worker, outcomes }, 'settlement job done');
  return { worker, outcomes };
}

/**
 * Take settlement jobs until stopped. pg-boss waits out its polling
 * interval after every fetch, so one process runs several pollers.
 */
export async function workSettlements(
  ctx: PlatformContext,
  boss: PgBoss,
  options: { worker: string; pollers?: number; pollingIntervalSeconds?: number },
): Promise<void> {
  for (let i = 0; i < (options.pollers ?? 3); i += 1) {
    await boss.work<SettleJob>(
      SETTLE_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
      async ([job]) => settleChunk(ctx, options.worker, job!),
    );
  }
}
