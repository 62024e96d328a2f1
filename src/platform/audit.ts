/**
 * The audit trail: who did what, when, from where and why, for every change
 * and every read of credit results and personal records. Append-only (the
 * database refuses UPDATE and DELETE on audit_log) and hash-chained: each
 * entry's SHA-256 covers its content and the previous entry's hash, and the
 * head row holds the last one, so an edited, removed or truncated entry
 * shows in `npx jixi audit verify`.
 */
import { createHash, randomUUID } from 'node:crypto';

import type { Kysely, Transaction } from 'kysely';

import type { AuditLogTable } from '../db/coreTables.ts';
import type { Database } from '../db/schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actorId?: string | null;
  actorName?: string | null;
  actorRole?: string | null;
  ip?: string | null;
  /** What happened: `auth.login`, `POST /api/medical/settlements`, `read GET /api/credit/…`. */
  action: string;
  /** The record concerned: `credit_entity:913…`, `auth_user:…`. */
  target?: string | null;
  /** ok | denied | failed */
  outcome: 'ok' | 'denied' | 'failed';
  /** Why: the reason the officer gave, or the deciding document. */
  reason?: string | null;
  requestId?: string | null;
  /** Extra facts; never names or ID numbers. */
  detail?: Record<string, unknown> | null;
  /** ISO timestamp; defaults to now. */
  at?: string;
}

export type AuditRow = AuditLogTable;

/** The exact bytes hashed for a row: a fixed order of its fields. */
function canonical(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([
    Number(row.seq), row.id, row.at, row.actor_id, row.actor_name, row.actor_role,
    row.ip, row.action, row.target, row.outcome, row.reason, row.request_id,
    row.detail_json, row.prev_hash,
  ]);
}

export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(canonical(row)).digest('hex');
}

function toRow(entry: AuditEntry, seq: number, prevHash: string): AuditRow {
  const base: Omit<AuditRow, 'hash'> = {
    id: randomUUID(),
    seq,
    at: entry.at ?? new Date().toISOString(),
    actor_id: entry.actorId ?? null,
    actor_name: entry.actorName ?? null,
    actor_role: entry.actorRole ?? null,
    ip: entry.ip ?? null,
    action: entry.action,
    target: entry.target ?? null,
    outcome: entry.outcome,
    reason: entry.reason ?? null,
    request_id: entry.requestId ?? null,
    detail_json: entry.detail ? JSON.stringify(entry.detail) : null,
    prev_hash: prevHash,
  };
  return { ...base, hash: auditHash(base) };
}

/**
 * Append entries inside `trx`. Taking the head row first serialises
 * appenders across connections and processes, so the chain never forks.
 */
export async function appendAuditIn(trx: Transaction<Database>, entries: readonly AuditEntry[]): Promise<AuditRow[]> {
  if (entries.length === 0) return [];

  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', entries.length) }))
    .where('id', '=', 'audit')
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();

  let seq = Number(head.seq) - entries.length;
  let prev = head.hash;
  const rows: AuditRow[] = [];
  for (const entry of entries) {
    seq += 1;
    const row = toRow(entry, seq, prev);
    rows.push(row);
    prev = row.hash;
  }

  for (let i = 0; i < rows.length; i += 200) {
    await trx.insertInto('audit_log').values(rows.slice(i, i + 200)).execute();
  }
  await trx.updateTable('audit_head').set({ hash: prev }).where('id', '=', 'audit').execute();
  return rows;
}

/**
 * Appends in group commits: entries queued while one transaction runs go
 * together in the next, so a busy server writes one head update per group
 * instead of per request. `append` resolves once the entry is committed.
 */
export class AuditWriter {
  private queue: Array<{ entry: AuditEntry; resolve: (row: AuditRow) => void; reject: (e: unknown) => void }> = [];
  private running: Promise<void> | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  append(entry: AuditEntry): Promise<AuditRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.running ??= this.drain().finally(() => {
        this.running = undefined;
      });
    });
  }

  /** Wait until everything queued so far is stored. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 500);
      try {
        const rows = await this.db.transaction().execute((trx) => appendAuditIn(trx, batch.map((b) => b.entry)));
        batch.forEach((b, i) => b.resolve(rows[i]!));
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
  }
}

export interface ChainProblem {
  seq: number;
  id?: string;
  problem: string;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  problems: ChainProblem[];
}

/** Recompute the chain from the first entry to the head. */
export async function verifyAuditChain(db: Kysely<Database>, options: { pageSize?: number } = {}): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 2000;
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let entries = 0;

  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (page.length === 0) break;

    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        problems.push({ seq: expectedSeq, problem: `entries ${expectedSeq}–${seq - 1} are missing` });
      }
      if (row.prev_hash !== prev) {
        problems.push({ seq, id: row.id, problem: 'prev_hash does not match the previous entry' });
      }
      const { hash, ...rest } = row;
      if (auditHash({ ...rest, seq }) !== hash) {
        problems.push({ seq, id: row.id, problem: 'content does not match its hash (entry altered)' });
      }
      prev = hash;
      expectedSeq = seq + 1;
      entries += 1;
    }
  }

  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 'audit').executeTakeFirst();
  if (!head) {
    problems.push({ seq: expectedSeq, problem: 'chain head is missing' });
  } else {
    if (Number(head.seq) !== expectedSeq - 1) {
      problems.push({ seq: Number(head.seq), problem: `head says ${head.seq} entries, found ${expectedSeq - 1} (entries removed from the end?)` });
    }
    if (head.hash !== prev) problems.push({ seq: Number(head.seq), problem: 'head hash does not match the last entry' });
  }

  return { ok: problems.length === 0, entries, problems };
}

const writers = new WeakMap<Kysely<Database>, AuditWriter>();

/** The one writer per database handle, so group commits span all callers. */
export function auditWriter(db: Kysely<Database>): AuditWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new AuditWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
