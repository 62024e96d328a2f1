/**
 * When one PostgreSQL is not enough: how the tables spread over a Citus
 * cluster. Medical records follow the insured person (person_id): a
 * settlement reads and writes one person's enrolments, accumulators, account
 * and bills, all on one worker node. Credit follows the entity (uscc): a
 * re-score reads one entity's records, pledges and measures. Everything
 * else is small or city-wide and stays on the coordinator (or, when
 * distributed rows refer to it, is copied to every node). Every table must
 * be named here; `partitioningProblems` lists what Citus would refuse in the
 * current schema (keys that do not carry the distribution column).
 */
import { sql } from 'kysely';

import type { DatabaseHandle } from '../db/database.ts';
import { listTables } from './backup.ts';

export type Placement =
  | { distributeBy: 'person_id' | 'uscc'; colocateWith: string }
  /** Copied to every node: small, and referred to by distributed rows. */
  | { reference: string }
  | { local: string };

const byPerson = { distributeBy: 'person_id', colocateWith: 'medical_person' } as const;
const byEntity = { distributeBy: 'uscc', colocateWith: 'credit_entity' } as const;
const city = (why: string): Placement => ({ local: why });

/** Where each table lives on a Citus cluster. */
export const PARTITIONING: Readonly<Record<string, Placement>> = {
  medical_person: byPerson,
  medical_enrolment: byPerson,
  medical_category: byPerson,
  medical_account: byPerson,
  medical_account_movement: byPerson,
  medical_accumulator: byPerson,
  medical_claim: byPerson,
  medical_bill: byPerson,
  medical_retro_application: byPerson,
  medical_fund_budget: city('基金预算：全市每年几行'),
  medical_fund_surplus: city('基金结余：全市每年一行'),

  credit_entity: byEntity,
  credit_record: byEntity,
  credit_pledge: byEntity,
  credit_score: byEntity,
  credit_assessment: byEntity,
  credit_measure: byEntity,
  credit_objection: byEntity,
  credit_repair: byEntity,
  credit_plan_target: byEntity,
  credit_sector: city('行业目录，各节点都要读'),
  credit_model: city('评价模型，随行业目录'),
  credit_plan: { reference: '检查计划：被检查对象（按主体分布）引用' },
  credit_inspector: city('执法检查人员名录'),
  credit_workflow_event: city('流程记录，不带主体代码'),
  credit_access_log: city('信用结果查阅记录，随审计'),

  // One chain for the whole platform: each entry hashes the one before.
  audit_log: city('审计链：每条记录链接前一条，只能有一个写入点'),
  audit_head: city('审计链头'),
  auth_user: city('账号'),
  auth_session: city('会话'),
  auth_token: city('接口令牌'),
  param_version: city('政策参数版本'),
  batch_run: city('批处理进度'),
};

/** Tables of areas outside medical and credit: city-wide, on the coordinator. */
const LOCAL_PREFIXES = ['disability_', 'price_', 'simulation_'];

export function placementOf(table: string): Placement | undefined {
  return PARTITIONING[table] ?? (LOCAL_PREFIXES.some((p) => table.startsWith(p)) ? city('全市数据，规模小') : undefined);
}

/** The statements that distribute the tables, parents first (run on the coordinator). */
export function citusStatements(tables: readonly string[]): string[] {
  const out: string[] = [];
  for (const table of tables) {
    if (placementOf(table) && 'reference' in placementOf(table)!) out.push(`SELECT create_reference_table('${table}');`);
  }
  for (const table of tables) {
    const placement = placementOf(table);
    if (!placement || !('distributeBy' in placement)) continue;
    out.push(table === placement.colocateWith
      ? `SELECT create_distributed_table('${table}', '${placement.distributeBy}');`
      : `SELECT create_distributed_table('${table}', '${placement.distributeBy}', colocate_with => '${placement.colocateWith}');`);
  }
  return out;
}

interface Keys {
  columns: Set<string>;
  unique: string[][];
  foreign: Array<{ columns: string[]; parent: string; parentColumns: string[] }>;
}

async function keysOf(store: DatabaseHandle, table: string): Promise<Keys> {
  const db = store.db;
  if (store.dialect === 'postgres') {
    const columns = await sql<{ name: string }>`
      select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`.execute(db);
    const constraints = await sql<{ type: string; columns: string[]; parent: string | null; parent_columns: string[] | null }>`
      select k.contype as type,
        array(select a.attname from unnest(k.conkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.o)::text[] as columns,
        p.relname as parent,
        array(select a.attname from unnest(k.confkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.o)::text[] as parent_columns
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_class p on p.oid = k.confrelid
      where n.nspname = current_schema() and c.relname = ${table} and k.contype in ('p', 'u', 'f')`.execute(db);
    const indexes = await sql<{ columns: string[] }>`
      select array(select a.attname from unnest(i.indkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = i.indrelid and a.attnum = u.n order by u.o)::text[] as columns
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relname = ${table} and i.indisunique`.execute(db);
    return {
      columns: new Set(columns.rows.map((r) => r.name)),
      unique: indexes.rows.map((r) => r.columns),
      foreign: constraints.rows.filter((r) => r.type === 'f').map((r) => ({ columns: r.columns, parent: r.parent!, parentColumns: r.parent_columns ?? [] })),
    };
  }

  const columns = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table})`.execute(db);
  const unique: string[][] = [];
  const primary = columns.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  if (primary.length) unique.push(primary);
  const indexes = await sql<{ name: string; unique: number; origin: string }>`select name, "unique", origin from pragma_index_list(${table})`.execute(db);
  for (const index of indexes.rows.filter((i) => i.unique && i.origin !== 'pk')) {
    const cols = await sql<{ name: string }>`select name from pragma_index_info(${index.name}) order by seqno`.execute(db);
    unique.push(cols.rows.map((c) => c.name));
  }
  const fks = await sql<{ id: number; table: string; from: string; to: string }>`select id, "table", "from", "to" from pragma_foreign_key_list(${table})`.execute(db);
  const byId = new Map<number, { columns: string[]; parent: string; parentColumns: string[] }>();
  for (const fk of fks.rows) {
    const entry = byId.get(fk.id) ?? { columns: [], parent: fk.table, parentColumns: [] };
    entry.columns.push(fk.from);
    entry.parentColumns.push(fk.to);
    byId.set(fk.id, entry);
  }
  return { columns: new Set(columns.rows.map((r) => r.name)), unique, foreign: [...byId.values()] };
}

/**
 * What Citus would refuse in the current schema: a table nobody placed, a
 * distribution column missing, a unique key or a foreign key between
 * distributed tables without the distribution column. Each is a migration
 * to write before the cluster is switched on.
 */
export async function partitioningProblems(store: DatabaseHandle): Promise<string[]> {
  const problems: string[] = [];
  for (const table of await listTables(store)) {
    const placement = placementOf(table);
    if (!placement) {
      problems.push(`${table}: not placed in src/platform/partitioning.ts`);
      continue;
    }
    if (!('distributeBy' in placement)) continue;

    const column = placement.distributeBy;
    const keys = await keysOf(store, table);
    if (!keys.columns.has(column)) {
      problems.push(`${table}: no column ${column}`);
      continue;
    }
    for (const unique of keys.unique) {
      if (!unique.includes(column)) problems.push(`${table}: unique key (${unique.join(', ')}) without ${column}`);
    }
    for (const fk of keys.foreign) {
      const parent = placementOf(fk.parent);
      if (parent && 'local' in parent) problems.push(`${table}: foreign key (${fk.columns.join(', ')}) → ${fk.parent}, a coordinator table`);
      if (!parent || !('distributeBy' in parent)) continue;
      const i = fk.columns.indexOf(column);
      if (i < 0 || fk.parentColumns[i] !== parent.distributeBy) {
        problems.push(`${table}: foreign key (${fk.columns.join(', ')}) → ${fk.parent} without ${column}`);
      }
    }
  }
  return problems;
}
