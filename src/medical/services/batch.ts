/**
 * Settling a file of claims (and the persons they name). The whole input is
 * checked first — every row, every field, unknown persons, claims already
 * settled with other content — and a single bad row refuses the file with
 * nothing stored, unless `skipInvalid`, which settles the good rows and
 * reports the rest. Claims then settle in date order (ties in file order),
 * each in its own transaction through the kill-safe batch runner.
 */
import type { FieldProblem } from '../../core/errors.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { ParamOverride } from '../../core/params/types.ts';
import { fail } from '../../errorCatalog.ts';
import type { ReadResult, TableRow } from '../../io/table.ts';
import { batchRunId, digestOf, runBatch, type BatchOutcome } from '../../platform/batch.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { Bill, Claim } from '../rules/types.ts';
import { loadPeople, personOn, type StoredPerson } from '../storage/persons.ts';
import { billsOfClaim, findClaims } from '../storage/settlements.ts';
import { applyPersons, parsePersonRows, type PersonCounts } from './persons.ts';
import { canonicalClaimJson, claimContentHash, parseClaimRow, type PersonRecord } from './records.ts';
import { settleInTransaction } from './settlement.ts';

export type InputFile = 'persons' | 'claims';

export interface BatchProblem extends FieldProblem {
  file: InputFile;
}

/** A table read whole (`readTable`) or streamed (`openTableStream`). */
export interface TableInput {
  rows: Iterable<TableRow> | AsyncIterable<TableRow>;
  problems: FieldProblem[];
  unknownHeaders?: string[];
}

export interface SettleBatchInput {
  persons?: TableInput;
  claims: TableInput;
  overrides?: readonly ParamOverride[];
  skipInvalid?: boolean;
  /** Marks stored persons and claims, e.g. '合成演示数据'. */
  source?: string | null;
  groupSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Receives each bill in settlement order. When given, bills are not
   * collected in the result (large files stream through).
   */
  onBill?: (bill: Bill) => void | Promise<void>;
}

export interface SettleBatchResult extends BatchOutcome {
  persons: PersonCounts;
  /** Bills in settlement order (empty when `onBill` took them). */
  bills: Bill[];
  /** Rows left out under skipInvalid. */
  invalid: BatchProblem[];
  years: number[];
}

interface CheckedInput {
  records: PersonRecord[];
  claims: Claim[];
  problems: BatchProblem[];
}

function tag(file: InputFile, problems: readonly FieldProblem[]): BatchProblem[] {
  return problems.map((p) => ({ file, ...p }));
}

/** Every check that needs no writing; the database is only read. */
async function collect(table: TableInput): Promise<ReadResult> {
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { rows, problems: table.problems, unknownHeaders: table.unknownHeaders ?? [] };
}

async function checkInput(ctx: PlatformContext, input: SettleBatchInput): Promise<CheckedInput> {
  const personRows = input.persons ? await collect(input.persons) : undefined;
  const persons = personRows
    ? parsePersonRows(personRows)
    : { records: [], problems: [], badRows: new Set<number>() };
  const problems: BatchProblem[] = tag('persons', persons.problems);
  problems.push(...tag('claims', input.claims.problems));

  const inFile = new Map(persons.records.map((r) => [r.personId, r]));
  const badPersons = new Set<string>();
  for (const row of personRows?.rows ?? []) {
    if (persons.badRows.has(row.row)) badPersons.add((row.values.person_id ?? '').trim().toUpperCase());
  }

  // Claims stream through; each keeps one copy of its person's ID and of
  // its date, so a million claims fit in memory for the date-order sort.
  const interned = new Map<string, string>();
  const intern = (text: string) => {
    const known = interned.get(text);
    if (known !== undefined) return known;
    interned.set(text, text);
    return text;
  };
  const parsed: Array<{ row: number; claim: Claim }> = [];
  const seen = new Map<string, number>();
  for await (const row of input.claims.rows) {
    const result = parseClaimRow(row.values, row.row);
    if (!result.ok) {
      problems.push(...tag('claims', result.problems));
      continue;
    }
    result.value.personId = intern(result.value.personId);
    result.value.date = intern(result.value.date);
    const first = seen.get(result.value.claimId);
    if (first !== undefined) {
      problems.push({ file: 'claims', row: row.row, field: 'claim_id', value: result.value.claimId, reason: `与第 ${first} 行的单据号重复` });
      continue;
    }
    seen.set(result.value.claimId, row.row);
    parsed.push({ row: row.row, claim: result.value });
  }

  const stored = await loadPeople(ctx.store.db, [...new Set(parsed.map((p) => p.claim.personId))].filter((id) => !inFile.has(id)));
  const settled = await findClaims(ctx.store.db, parsed.map((p) => p.claim.claimId));
  const claims: Claim[] = [];
  for (const { row, claim } of parsed) {
    const record = inFile.get(claim.personId);
    const enrolled = record ? true : stored.has(claim.personId) ? !!personOn(stored.get(claim.personId)!, claim.date) : undefined;
    const before = settled.get(claim.claimId);
    if (badPersons.has(claim.personId)) {
      problems.push({ file: 'claims', row, field: 'person_id', value: claim.personId, reason: '该参保人在人员文件中的行有错误' });
    } else if (enrolled === undefined) {
      problems.push({ file: 'claims', row, field: 'person_id', value: claim.personId, reason: '参保人不存在：人员文件和已登记人员中都没有' });
    } else if (!enrolled) {
      problems.push({ file: 'claims', row, field: 'date', value: claim.date, reason: '就诊日期不在参保人的参保期间内' });
    } else if (before && before.content_hash !== claimContentHash(claim)) {
      problems.push({ file: 'claims', row, field: 'claim_id', value: claim.claimId, reason: '该单据号已结算，但内容与已结算单据不同' });
    } else {
      claims.push(claim);
    }
  }
  // The report reads like the files: persons first, then by row.
  const fileOrder = (p: BatchProblem) => (p.file === 'persons' ? 0 : 1);
  problems.sort((a, b) => fileOrder(a) - fileOrder(b) || (a.row ?? 0) - (b.row ?? 0));
  return { records: persons.records, claims, problems };
}

export async function settleBatch(ctx: PlatformContext, input: SettleBatchInput): Promise<SettleBatchResult> {
  const checked = await checkInput(ctx, input);
  // A missing column makes every row bad: report the column alone.
  const structural = checked.problems.filter((p) => p.row === 1);
  if (structural.length > 0) fail('ERR_MEDICAL_BATCH_INVALID', { problems: structural, details: { invalidRows: 0 } });
  if (checked.problems.length > 0 && !input.skipInvalid) {
    fail('ERR_MEDICAL_BATCH_INVALID', { problems: checked.problems, details: { invalidRows: countRows(checked.problems) } });
  }

  const params: ParamRegistry = input.overrides?.length ? ctx.params.withOverrides([...input.overrides]) : ctx.params;
  // Date order, ties in file order: Array.prototype.sort is stable.
  const claims = [...checked.claims].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const openingDate = claims[0]?.date;

  const personCounts = await ctx.store.db
    .transaction()
    .execute((trx) => applyPersons(trx, checked.records, { source: input.source ?? null, ...(openingDate ? { openingDate } : {}) }));
  const people: Map<string, StoredPerson> = await loadPeople(ctx.store.db, [...new Set(claims.map((c) => c.personId))]);

  const digest = digestOf((function* () {
    yield JSON.stringify(input.overrides ?? []);
    for (const r of checked.records) yield JSON.stringify(r);
    for (const c of claims) yield canonicalClaimJson(c);
  })());
  const runId = batchRunId('medical.settle', digest);
  const bills: Bill[] = [];
  const emit = input.onBill ?? ((bill: Bill) => void bills.push(bill));
  // A bill is handed on only after its transaction committed.
  let pending: Bill[] = [];
  const flush = async () => {
    for (const bill of pending) await emit(bill);
    pending = [];
  };

  const outcome = await runBatch(ctx.store, {
    kind: 'medical.settle',
    digest,
    units: claims,
    report: { invalid: checked.problems, overrides: input.overrides ?? [] },
    apply: async (trx, claim) => {
      const result = await settleInTransaction(trx, ctx.store.dialect, params, claim, {
        batchId: runId,
        source: input.source ?? null,
        ...(people.has(claim.personId) ? { person: people.get(claim.personId)! } : {}),
      });
      pending.push(result.bill);
      return result.outcome === 'settled' ? 'applied' : 'skipped';
    },
    replay: async (claim) => {
      await emit(await storedBill(ctx, claim));
    },
  }, {
    logger: ctx.logger,
    ...(input.groupSize ? { groupSize: input.groupSize } : {}),
    onProgress: (done, total) => {
      void total;
      input.onProgress?.(done, claims.length);
    },
    afterCommit: flush,
  });

  return {
    ...outcome,
    persons: personCounts,
    bills,
    invalid: checked.problems,
    years: [...new Set(claims.map((c) => Number(c.date.slice(0, 4))))].sort(),
  };
}

async function storedBill(ctx: PlatformContext, claim: Claim): Promise<Bill> {
  const rows = await billsOfClaim(ctx.store.db, claim.claimId);
  const settlement = rows.find((r) => r.kind === 'settlement');
  if (!settlement) throw new Error(`claim ${claim.claimId} is stored without its bill`);
  return JSON.parse(settlement.bill_json) as Bill;
}

function countRows(problems: readonly BatchProblem[]): number {
  return new Set(problems.map((p) => `${p.file}:${p.row}`)).size;
}
