/**
 * The organisation directory (D3 2, 6.1): the command, office, member units,
 * working groups and experts, as the plan sets them up, with contacts the
 * office keeps current. Every change is logged with who, when, before and
 * after, and why (联络联系方式变更报备制度).
 */
import { randomUUID } from 'node:crypto';

import type { FieldProblem } from '../../core/errors.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { formatInstant } from '../rules/clock.ts';
import { COUNTIES } from '../rules/counties.ts';
import type { Caller } from './access.ts';
import { DIRECTORY_SEED, OTHER_OWNERS, type EntryKind } from './directorySeed.ts';

const KINDS: readonly EntryKind[] = ['position', 'office', 'member_unit', 'working_group', 'expert'];

export interface DirectoryView {
  id: string;
  kind: EntryKind;
  name: string;
  sort: number;
  data: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string;
}

/** The plan's directory, written once; later reads find it in place. */
async function ensureSeeded(ctx: PlatformContext): Promise<void> {
  const any = await ctx.store.db.selectFrom('price_org_entry').select('id').limit(1).executeTakeFirst();
  if (any) return;

  const at = formatInstant(Date.now());
  await ctx.store.db.transaction().execute(async (trx) => {
    for (const [i, e] of DIRECTORY_SEED.entries()) {
      await trx.insertInto('price_org_entry')
        .values({ id: e.id, kind: e.kind, name: e.name, sort: i + 1, data_json: JSON.stringify({ ...e.data, article: e.article }), updated_at: at, updated_by: 'D3 鸡政办规〔2022〕20号' })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
  });
}

export async function listDirectory(ctx: PlatformContext, filter: { kind?: EntryKind } = {}): Promise<DirectoryView[]> {
  await ensureSeeded(ctx);
  let query = ctx.store.db.selectFrom('price_org_entry').selectAll().orderBy('sort').orderBy('id');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id, kind: r.kind as EntryKind, name: r.name, sort: r.sort, data: JSON.parse(r.data_json), updatedAt: r.updated_at, updatedBy: r.updated_by,
  }));
}

/** Names of every owner a task or report can be addressed to. */
export async function directoryLabels(ctx: PlatformContext): Promise<Map<string, string>> {
  const labels = new Map(Object.entries(OTHER_OWNERS));
  for (const [code, name] of Object.entries(COUNTIES)) labels.set(`county:${code}`, `${name}价格主管部门`);
  for (const e of await listDirectory(ctx)) labels.set(e.id, e.name);
  return labels;
}

export interface EntryInput {
  kind: EntryKind;
  name: string;
  data?: Record<string, unknown>;
  sort?: number;
  reason: string;
}

/** Add or change an entry; the change log keeps what it was. */
export async function putDirectoryEntry(ctx: PlatformContext, id: string, input: EntryInput, caller: Caller): Promise<DirectoryView> {
  const problems: FieldProblem[] = [];
  if (!/^[a-z0-9_:-]{1,64}$/.test(id)) problems.push({ field: 'id', value: id, reason: '编号只能由小写字母、数字、下划线组成' });
  if (!KINDS.includes(input.kind)) problems.push({ field: 'kind', value: input.kind, reason: `应为 ${KINDS.join('、')} 之一` });
  if (!input.name?.trim()) problems.push({ field: 'name', reason: '须填写名称' });
  if (!input.reason?.trim()) problems.push({ field: 'reason', reason: '须说明变更原因（变更报备）' });
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });
  await ensureSeeded(ctx);

  const at = formatInstant(Date.now());
  await ctx.store.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('price_org_entry').selectAll().where('id', '=', id).executeTakeFirst();
    const sort = input.sort ?? before?.sort ?? 1000;
    // Fields not sent are kept (duties, article); a field sent as null is removed.
    const merged: Record<string, unknown> = { ...(before ? JSON.parse(before.data_json) : {}), ...(input.data ?? {}) };
    for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
    const after = { id, kind: input.kind, name: input.name.trim(), sort, data_json: JSON.stringify(merged), updated_at: at, updated_by: caller.user };
    if (before) await trx.updateTable('price_org_entry').set(after).where('id', '=', id).execute();
    else await trx.insertInto('price_org_entry').values(after).execute();
    await trx.insertInto('price_org_change').values({
      id: randomUUID(), entry_id: id, changed_at: at, changed_by: caller.user,
      before_json: before ? JSON.stringify({ kind: before.kind, name: before.name, sort: before.sort, data: JSON.parse(before.data_json) }) : null,
      after_json: JSON.stringify({ kind: after.kind, name: after.name, sort, data: merged }),
      reason: input.reason.trim(),
    }).execute();
  });
  ctx.logger.info({ rule: 'd3.art6_1.directory', article: 'D3 6.1', entry: id }, 'directory entry changed');
  return (await listDirectory(ctx)).find((e) => e.id === id)!;
}

export async function directoryChanges(ctx: PlatformContext, filter: { entryId?: string } = {}) {
  let query = ctx.store.db.selectFrom('price_org_change').selectAll().orderBy('changed_at', 'desc').orderBy('id');
  if (filter.entryId) query = query.where('entry_id', '=', filter.entryId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id, entryId: r.entry_id, changedAt: r.changed_at, changedBy: r.changed_by,
    before: r.before_json ? JSON.parse(r.before_json) : null, after: r.after_json ? JSON.parse(r.after_json) : null, reason: r.reason,
  }));
}
