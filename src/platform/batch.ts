/**
 * Kill-safe batches. A batch is a list of units applied in order, each in
 * its own transaction together with the run's progress in `batch_run`; a
 * unit is either wholly stored or not at all. Every unit also carries its
 * own idempotency key (the caller's `apply` skips what is already stored),
 * so re-running the same input after a kill — or after a crash, or twice by
 * mistake — completes it without duplicates.
 */
import { createHash } from 'node:crypto';

import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';

import type { DatabaseHandle } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

export type UnitOutcome = 'applied' | 'skipped';

export interface BatchPlan<U> {
  /** What the batch does, e.g. `medical.settle`. */
  kind: string;
  /** Digest of the validated input: the same input resumes the same run. */
  digest: string;
  /** Units in the order they must be applied. */
  units: readonly U[];
  /** Stored with the run (rows skipped as invalid, parameters used …). */
  report?: unknown;
  /** Apply one unit inside `trx`; must skip a unit already stored. */
  apply(trx: Kysely<Database>, unit: U, index: number): Promise<UnitOutcome>;
  /**
   * Called instead of `apply`, in order, for the units an earlier run of the
   * same input already committed, so the caller can still emit their output.
   */
  replay?(unit: U, index: number): Promise<void>;
}

export interface BatchOptions {
  /**
   * Units per transaction. 1 (the default) commits each unit on its own;
   * more trades the latency of a kill (a whole group is redone) for speed.
   */
  groupSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Runs after each transaction commits (hand on outputs only then). */
  afterCommit?: () => Promise<void>;
  logger?: Logger;
}

export interface BatchOutcome {
  runId: string;
  /** True when an unfinished run of the same input was picked up. */
  resumed: boolean;
  total: number;
  applied: number;
  /** Units found already stored (idempotency key or an earlier run). */
  skipped: number;
}

/** A stable digest of the parts of an input, in order. */
export function digestOf(parts: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

export function batchRunId(kind: string, digest: string): string {
  return `${kind}:${digest.slice(0, 40)}`;
}

export async function runBatch<U>(store: DatabaseHandle, plan: BatchPlan<U>, options: BatchOptions = {}): Promise<BatchOutcome> {
  const { db } = store;
  const runId = batchRunId(plan.kind, plan.digest);
  const total = plan.units.length;
  const groupSize = Math.max(1, options.groupSize ?? 1);
  const report = plan.report === undefined ? null : JSON.stringify(plan.report);

  const existing = await db.selectFrom('batch_run').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('batch_run')
      .values({
        id: runId,
        kind: plan.kind,
        input_digest: plan.digest,
        status: 'running',
        total,
        done: 0,
        started_at: new Date().toISOString(),
        finished_at: null,
        report_json: report,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  const resumed = !!existing && existing.status !== 'done';
  // Units before `done` were committed with the counter; the rest are tried
  // again and skipped by their own idempotency keys where already stored.
  const start = existing ? Math.min(Number(existing.done), total) : 0;
  options.logger?.info({ runId, kind: plan.kind, total, start, resumed }, 'batch started');

  let applied = 0;
  let skipped = start;
  if (plan.replay) {
    for (let index = 0; index < start; index += 1) await plan.replay(plan.units[index]!, index);
  }
  options.onProgress?.(start, total);
  for (let index = start; index < total; index += groupSize) {
    const end = Math.min(index + groupSize, total);
    const outcomes = await db.transaction().execute(async (trx) => {
      const results: UnitOutcome[] = [];
      for (let i = index; i < end; i += 1) results.push(await plan.apply(trx, plan.units[i]!, i));
      await trx
        .updateTable('batch_run')
        .set({ done: sql<number>`case when done < ${end} then ${end} else done end` })
        .where('id', '=', runId)
        .execute();
      return results;
    });
    for (const outcome of outcomes) {
      if (outcome === 'applied') applied += 1;
      else skipped += 1;
    }
    await options.afterCommit?.();
    options.onProgress?.(end, total);
  }

  await db
    .updateTable('batch_run')
    .set({ status: 'done', done: total, finished_at: new Date().toISOString(), report_json: report })
    .where('id', '=', runId)
    .execute();
  options.logger?.info({ runId, kind: plan.kind, total, applied, skipped }, 'batch finished');
  return { runId, resumed, total, applied, skipped };
}

export async function batchRun(store: DatabaseHandle, runId: string) {
  return store.db.selectFrom('batch_run').selectAll().where('id', '=', runId).executeTakeFirst();
}
