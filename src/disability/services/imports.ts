/**
 * Imports from CSV or XLSX (src/io/table.ts): the register, service records
 * and the employer register. The whole file is checked first — every bad
 * row reported with row, column, value and reason — and nothing is stored
 * unless the caller asked to skip invalid rows. Valid rows are stored
 * through the kill-safe batch in groups; each row's upsert is idempotent,
 * so importing the same file again changes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import { isIsoDate, todayInBeijing } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import type { Database } from '../../db/schema.ts';
import { readTable, type ColumnSpec, type ReadResult, type TableFormat } from '../../io/table.ts';
import { digestOf, runBatch } from '../../platform/batch.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { checkPerson, type CheckedPerson } from '../rules/person.ts';
import { checkEmployerInput, EMPLOYER_KINDS, EMPLOYER_KIND_LABELS, LEVELS, type Employer, type EmployerKind, type Level } from '../rules/quota.ts';
import {
  BENEFIT_KINDS,
  BENEFIT_LABELS,
  HOUSEHOLD_LABELS,
  HOUSEHOLD_STATUSES,
  SERVICE_KINDS,
  SERVICE_LABELS,
  type BenefitKind,
  type HouseholdStatus,
  type ServiceKind,
} from '../rules/types.ts';
import { benefitsByPerson, householdsByPerson, personsByCardNumbers, personsByResidentIds, type PersonRow } from '../storage/register.ts';
import { addEvent } from './applications.ts';
import type { Actor } from './caller.ts';
import { upsertEmployer } from './duties.ts';
import { fail } from './fail.ts';
import { counties, countyCode } from './params.ts';
import { addBenefit, addRecord, changeHousehold, checkRecord, insertPerson } from './register.ts';

type Db = Kysely<Database>;

export interface ImportReport {
  kind: string;
  rows: number;
  valid: number;
  invalid: number;
  /** Rows that changed something. */
  stored: number;
  /** Valid rows already stored as they are. */
  unchanged: number;
  problems: FieldProblem[];
  runId: string | null;
}

export interface ImportOptions {
  skipInvalid?: boolean;
  onProgress?: (done: number, total: number) => void;
}

function hashOf(buffer: Buffer): string {
  return createHash('sha256').update(buffer).digest('hex');
}

/** Run the stored part of an import, or refuse the file with every problem. */
async function storeRows<T>(
  ctx: PlatformContext,
  kind: string,
  read: ReadResult,
  checked: Array<{ row: number; value: T }>,
  problems: FieldProblem[],
  digestParts: string[],
  apply: (trx: Db, value: T) => Promise<boolean>,
  options: ImportOptions,
): Promise<ImportReport> {
  const invalidRows = new Set(problems.map((p) => p.row));
  const report = {
    kind,
    rows: read.rows.length,
    valid: checked.length,
    invalid: [...invalidRows].filter((r) => r !== undefined && r > 1).length,
    problems,
  };
  const headerProblem = problems.some((p) => p.row === 1);
  if ((problems.length > 0 && !options.skipInvalid) || headerProblem) {
    fail('ERR_DISABILITY_IMPORT_INVALID', { problems, details: { rows: report.rows, invalid: report.invalid } });
  }
  if (checked.length === 0) return { ...report, stored: 0, unchanged: 0, runId: null };

  const outcome = await runBatch(ctx.store, {
    kind,
    digest: digestOf(digestParts),
    units: checked,
    report: { rows: report.rows, invalid: report.invalid },
    apply: async (trx, unit) => ((await apply(trx, unit.value)) ? 'applied' : 'skipped'),
  }, { groupSize: 500, logger: ctx.logger, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });

  ctx.logger.info({ kind, rows: report.rows, stored: outcome.applied, unchanged: outcome.skipped, invalid: report.invalid }, 'import finished');
  return { ...report, stored: outcome.applied, unchanged: outcome.skipped, runId: outcome.runId };
}

// ── register ────────────────────────────────────────────────────────────

export const REGISTER_COLUMNS: readonly ColumnSpec[] = [
  { name: 'resident_id', label: '身份证号', aliases: ['公民身份号码', '身份证号码'] },
  { name: 'name', label: '姓名' },
  { name: 'sex', label: '性别', required: false },
  { name: 'birth_date', label: '出生日期', required: false },
  { name: 'county', label: '县区代码', aliases: ['县区', '县(市)区', '行政区划代码'] },
  { name: 'card_number', label: '残疾人证号', aliases: ['残疾证号'] },
  { name: 'household', label: '家庭类别', aliases: ['低保类别'] },
  { name: 'household_from', label: '家庭类别起始日期', aliases: ['起始日期'] },
  { name: 'benefits', label: '其他待遇', required: false },
  { name: 'bank_account', label: '发放账户', aliases: ['银行账号', '社保卡号'], required: false },
  { name: 'living_approved_on', label: '生活补贴批准日期', required: false },
  { name: 'care_approved_on', label: '护理补贴批准日期', required: false },
  { name: 'deceased_on', label: '死亡日期', required: false },
  { name: 'moved_away_on', label: '迁出日期', required: false },
];

export interface RegisterRow {
  person: CheckedPerson;
  bankAccount: string | null;
  benefits: Array<{ kind: BenefitKind; from: string; to: string | null }>;
  livingApprovedOn: string | null;
  careApprovedOn: string | null;
  deceasedOn: string | null;
  movedAwayOn: string | null;
}

function householdCode(text: string): string {
  const t = text.trim();
  if (t === '') return 'none';
  for (const s of HOUSEHOLD_STATUSES) if (HOUSEHOLD_LABELS[s] === t) return s;
  return t;
}

function benefitCode(text: string): string {
  const t = text.trim();
  for (const k of BENEFIT_KINDS) if (BENEFIT_LABELS[k] === t) return k;
  return t;
}

/** "orphan_allowance:2020-01-01:;ltc_insurance:2023-05-01:2024-04-30" */
function parseBenefits(text: string, row: number, problems: FieldProblem[]): RegisterRow['benefits'] {
  const out: RegisterRow['benefits'] = [];
  for (const part of text.split(/[;；]/).map((p) => p.trim()).filter(Boolean)) {
    const [kindText = '', from = '', to = ''] = part.split(/[:：]/).map((p) => p.trim());
    const kind = benefitCode(kindText);
    if (!BENEFIT_KINDS.includes(kind as BenefitKind)) {
      problems.push({ row, field: 'benefits', value: part, reason: `待遇类别应为 ${BENEFIT_KINDS.join('、')} 之一` });
      continue;
    }
    if (!isIsoDate(from) || (to && (!isIsoDate(to) || to < from))) {
      problems.push({ row, field: 'benefits', value: part, reason: '待遇时段应写作 类别:起始日期:终止日期（终止日期可空）' });
      continue;
    }
    out.push({ kind: kind as BenefitKind, from, to: to || null });
  }
  return out;
}

function optionalDate(values: Record<string, string>, field: string, row: number, problems: FieldProblem[]): string | null {
  const v = values[field]?.trim();
  if (!v) return null;
  if (!isIsoDate(v)) {
    problems.push({ row, field, value: v, reason: '日期应为 YYYY-MM-DD' });
    return null;
  }
  return v;
}

function overlaps(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
}

export async function checkRegisterRows(
  ctx: PlatformContext,
  read: ReadResult,
): Promise<{ checked: Array<{ row: number; value: RegisterRow }>; problems: FieldProblem[] }> {
  const today = todayInBeijing();
  const table = counties(ctx.params, today);
  const problems: FieldProblem[] = [...read.problems];
  const checked: Array<{ row: number; value: RegisterRow }> = [];
  const seenIds = new Map<string, number>();
  const seenCards = new Map<string, number>();

  const residentIds = read.rows.map((r) => (r.values.resident_id ?? '').trim().toUpperCase()).filter(Boolean);
  const cards = read.rows.map((r) => (r.values.card_number ?? '').trim().toUpperCase()).filter(Boolean);
  const existing = await personsByResidentIds(ctx.store.db, residentIds);
  const byCard = await personsByCardNumbers(ctx.store.db, cards);
  const existingIds = [...existing.values()].map((p) => p.id);
  const households = await householdsByPerson(ctx.store.db, existingIds);
  const benefits = await benefitsByPerson(ctx.store.db, existingIds);

  for (const { row, values } of read.rows) {
    const rowProblems: FieldProblem[] = [];
    const person = checkPerson({
      residentId: values.resident_id ?? '',
      name: values.name ?? '',
      sex: values.sex,
      birthDate: values.birth_date,
      county: countyCode(values.county ?? '', table),
      cardNumber: values.card_number ?? '',
      household: householdCode(values.household ?? ''),
      householdFrom: values.household_from ?? '',
    }, table, today);
    if (!person.ok) {
      const columnOf: Record<string, string> = { residentId: 'resident_id', birthDate: 'birth_date', cardNumber: 'card_number', householdFrom: 'household_from' };
      for (const p of person.problems) rowProblems.push({ ...p, row, field: columnOf[p.field] ?? p.field });
    }
    const benefitList = parseBenefits(values.benefits ?? '', row, rowProblems);
    const livingApprovedOn = optionalDate(values, 'living_approved_on', row, rowProblems);
    const careApprovedOn = optionalDate(values, 'care_approved_on', row, rowProblems);
    const deceasedOn = optionalDate(values, 'deceased_on', row, rowProblems);
    const movedAwayOn = optionalDate(values, 'moved_away_on', row, rowProblems);

    if (person.ok) {
      const p = person.person;
      const firstId = seenIds.get(p.residentId);
      if (firstId) rowProblems.push({ row, field: 'resident_id', value: p.residentId, reason: `与第 ${firstId} 行身份证号重复` });
      const firstCard = seenCards.get(p.cardNumber);
      if (firstCard) rowProblems.push({ row, field: 'card_number', value: p.cardNumber, reason: `与第 ${firstCard} 行残疾人证号重复` });
      seenIds.set(p.residentId, row);
      seenCards.set(p.cardNumber, row);

      const stored = existing.get(p.residentId);
      const cardOwner = byCard.get(p.cardNumber);
      if (cardOwner && cardOwner.resident_id !== p.residentId) {
        rowProblems.push({ row, field: 'card_number', value: p.cardNumber, reason: '该残疾人证号已登记在另一人名下' });
      }
      if (stored) {
        const open = (households.get(stored.id) ?? []).filter((h) => h.valid_to === null).at(-1);
        if (open && open.status !== p.household && p.householdFrom <= open.valid_from) {
          rowProblems.push({ row, field: 'household_from', value: p.householdFrom, reason: `家庭类别变更的起始日期须晚于现有类别的起始日期 ${open.valid_from}` });
        }
        for (const b of benefitList) {
          const clash = (benefits.get(stored.id) ?? []).find((e) => e.kind === b.kind && e.valid_from !== b.from && overlaps(b, { from: e.valid_from, to: e.valid_to }));
          if (clash) rowProblems.push({ row, field: 'benefits', value: `${b.kind}:${b.from}`, reason: `与已登记的待遇时段（自 ${clash.valid_from}）重叠` });
        }
      }
    }

    if (rowProblems.length > 0 || !person.ok) {
      problems.push(...rowProblems);
      continue;
    }
    checked.push({
      row,
      value: {
        person: person.person,
        bankAccount: values.bank_account?.trim() || null,
        benefits: benefitList,
        livingApprovedOn,
        careApprovedOn,
        deceasedOn,
        movedAwayOn,
      },
    });
  }
  return { checked, problems };
}

async function approveImported(trx: Db, personId: string, subsidy: 'living' | 'care', on: string, actor: Actor): Promise<boolean> {
  const existing = await trx.selectFrom('disability_application').select('id')
    .where('person_id', '=', personId).where('subsidy', '=', subsidy)
    .where((eb) => eb.or([eb('status', 'in', ['received', 'reviewed', 'approved']), eb('decided_on', '=', on)]))
    .executeTakeFirst();
  if (existing) return false;

  const id = `da_${randomUUID()}`;
  const at = new Date().toISOString();
  await trx.insertInto('disability_application').values({
    id, person_id: personId, subsidy, channel: 'local', accepted_at: null, status: 'approved',
    received_on: on, reviewed_on: on, decided_on: on, ended_on: null, review_json: null, reasons_json: null,
    created_at: at, created_by: actor.user, updated_at: at,
  }).execute();
  await addEvent(trx, { applicationId: id, action: 'import', from: null, to: 'approved', on, note: '由登记名册导入的已批准资格' }, actor);
  return true;
}

/** Store one register row: insert or update the person, their periods and grants. */
export async function storeRegisterRow(trx: Db, r: RegisterRow, actor: Actor, source: string | null = null): Promise<boolean> {
  const p = r.person;
  let changed = false;
  let person: PersonRow | undefined = await trx.selectFrom('disability_person').selectAll().where('resident_id', '=', p.residentId).executeTakeFirst();

  if (!person) {
    await insertPerson(trx, p, { bankAccount: r.bankAccount, source }, actor);
    person = (await trx.selectFrom('disability_person').selectAll().where('resident_id', '=', p.residentId).executeTakeFirst())!;
    changed = true;
  } else {
    const update = {
      ...(person.name !== p.name ? { name: p.name } : {}),
      ...(person.county !== p.county ? { county: p.county } : {}),
      ...(person.card_number !== p.cardNumber ? { card_number: p.cardNumber, category: p.category, grade: p.grade } : {}),
      ...(r.bankAccount && person.bank_account !== r.bankAccount ? { bank_account: r.bankAccount } : {}),
    };
    if (Object.keys(update).length > 0) {
      await trx.updateTable('disability_person').set({ ...update, updated_at: new Date().toISOString(), updated_by: actor.user }).where('id', '=', person.id).execute();
      changed = true;
    }
    if ((await changeHousehold(trx, person.id, { status: p.household, from: p.householdFrom }, actor)) === 'changed') changed = true;
  }

  for (const b of r.benefits) {
    if ((await addBenefit(trx, person.id, b, actor)) !== 'unchanged') changed = true;
  }
  if (r.livingApprovedOn && (await approveImported(trx, person.id, 'living', r.livingApprovedOn, actor))) changed = true;
  if (r.careApprovedOn && (await approveImported(trx, person.id, 'care', r.careApprovedOn, actor))) changed = true;
  if (r.deceasedOn && (await addRecord(trx, person.id, { kind: 'death', on: r.deceasedOn }, actor)).outcome !== 'unchanged') changed = true;
  if (r.movedAwayOn && (await addRecord(trx, person.id, { kind: 'moved_away', on: r.movedAwayOn }, actor)).outcome !== 'unchanged') changed = true;
  return changed;
}

export async function importRegister(
  ctx: PlatformContext,
  buffer: Buffer,
  format: TableFormat,
  actor: Actor,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const read = await readTable(buffer, format, REGISTER_COLUMNS);
  const { checked, problems } = await checkRegisterRows(ctx, read);
  return storeRows(ctx, 'disability.import_register', read, checked, problems,
    ['register', hashOf(buffer), String(options.skipInvalid ?? false)],
    (trx, row) => storeRegisterRow(trx, row, actor), options);
}

// ── service records ─────────────────────────────────────────────────────

export const RECORD_COLUMNS: readonly ColumnSpec[] = [
  { name: 'resident_id', label: '身份证号', aliases: ['公民身份号码', '身份证号码'] },
  { name: 'kind', label: '记录类别' },
  { name: 'on_date', label: '日期', aliases: ['起始日期'] },
  { name: 'until_date', label: '终止日期', required: false },
  { name: 'detail', label: '说明', required: false },
];

function serviceCode(text: string): string {
  const t = text.trim();
  for (const k of SERVICE_KINDS) if (SERVICE_LABELS[k] === t) return k;
  return t;
}

export async function importRecords(
  ctx: PlatformContext,
  buffer: Buffer,
  format: TableFormat,
  actor: Actor,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const read = await readTable(buffer, format, RECORD_COLUMNS);
  const problems: FieldProblem[] = [...read.problems];
  const persons = await personsByResidentIds(ctx.store.db, read.rows.map((r) => (r.values.resident_id ?? '').trim().toUpperCase()));
  const checked: Array<{ row: number; value: { personId: string; kind: ServiceKind; on: string; until: string | null; detail: string | null } }> = [];

  for (const { row, values } of read.rows) {
    const residentId = (values.resident_id ?? '').trim().toUpperCase();
    const person = persons.get(residentId);
    const input = { kind: serviceCode(values.kind ?? ''), on: values.on_date ?? '', until: values.until_date || null, detail: values.detail || null };
    const rowProblems = checkRecord(input).map((p) => ({ ...p, row, field: p.field === 'on' ? 'on_date' : p.field === 'until' ? 'until_date' : p.field }));
    if (!person) rowProblems.push({ row, field: 'resident_id', value: residentId, reason: '登记名册中没有此身份证号，请先登记' });
    if (rowProblems.length > 0 || !person) {
      problems.push(...rowProblems);
      continue;
    }
    checked.push({ row, value: { personId: person.id, kind: input.kind as ServiceKind, on: input.on, until: input.until, detail: input.detail } });
  }

  return storeRows(ctx, 'disability.import_records', read, checked, problems,
    ['records', hashOf(buffer), String(options.skipInvalid ?? false)],
    async (trx, r) => (await addRecord(trx, r.personId, r, actor)).outcome !== 'unchanged', options);
}

// ── employers (专栏4 1) ────────────────────────────────────────────────

export const EMPLOYER_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', label: '单位代码', aliases: ['统一社会信用代码'] },
  { name: 'name', label: '单位名称' },
  { name: 'kind', label: '单位类型' },
  { name: 'institution_type', label: '事业单位类别', required: false },
  { name: 'level', label: '层级' },
  { name: 'county', label: '县区代码', required: false },
  { name: 'posts', label: '编制数', required: false },
  { name: 'staff', label: '在职职工数' },
  { name: 'disabled_employees', label: '残疾职工数' },
  { name: 'severe_disabled_employees', label: '一二级残疾职工数', required: false },
  { name: 'as_of', label: '统计日期', required: false },
];

const LEVEL_WORDS: Record<string, Level> = { 省级: 'province', 市级: 'city', 县级: 'county', 乡镇: 'township', 乡镇级: 'township' };
const INSTITUTION_WORDS: Record<string, string> = { 中小学: 'school', 学校: 'school', 幼儿园: 'kindergarten' };

function intOrNull(text: string | undefined): number | null | typeof NaN {
  const t = text?.trim();
  if (!t) return null;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

export async function importEmployers(
  ctx: PlatformContext,
  buffer: Buffer,
  format: TableFormat,
  actor: Actor,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const read = await readTable(buffer, format, EMPLOYER_COLUMNS);
  const table = counties(ctx.params, todayInBeijing());
  const problems: FieldProblem[] = [...read.problems];
  const checked: Array<{ row: number; value: Employer & { asOf: string } }> = [];
  const seen = new Map<string, number>();

  for (const { row, values } of read.rows) {
    const kindText = values.kind?.trim() ?? '';
    const kind = (EMPLOYER_KINDS.find((k) => EMPLOYER_KIND_LABELS[k] === kindText) ?? kindText) as EmployerKind;
    const levelText = values.level?.trim() ?? '';
    const institutionText = values.institution_type?.trim() ?? '';
    const employer = {
      id: values.id?.trim() ?? '',
      name: values.name?.trim() ?? '',
      kind,
      institutionType: institutionText ? (INSTITUTION_WORDS[institutionText] ?? institutionText) : null,
      level: (LEVEL_WORDS[levelText] ?? levelText) as Level,
      county: values.county?.trim() ? countyCode(values.county, table) : null,
      posts: intOrNull(values.posts),
      staff: intOrNull(values.staff) ?? NaN,
      disabledEmployees: intOrNull(values.disabled_employees) ?? NaN,
      severeDisabledEmployees: intOrNull(values.severe_disabled_employees) ?? 0,
    };
    const asOf = values.as_of?.trim() || todayInBeijing();
    const rowProblems = checkEmployerInput(employer).map((p) => ({ ...p, row, field: toColumn(p.field) }));
    if (!isIsoDate(asOf)) rowProblems.push({ row, field: 'as_of', value: asOf, reason: '统计日期应为 YYYY-MM-DD' });
    if (employer.county && !table[employer.county]) rowProblems.push({ row, field: 'county', value: employer.county, reason: '县(市)区代码不在鸡西市范围内' });
    if (!LEVELS.includes(employer.level)) { /* reported by checkEmployerInput */ }
    const first = seen.get(employer.id);
    if (first) rowProblems.push({ row, field: 'id', value: employer.id, reason: `与第 ${first} 行单位代码重复` });
    seen.set(employer.id, row);

    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    checked.push({ row, value: { ...(employer as Employer), asOf } });
  }

  return storeRows(ctx, 'disability.import_employers', read, checked, problems,
    ['employers', hashOf(buffer), String(options.skipInvalid ?? false)],
    (trx, e) => upsertEmployer(trx, e, e.asOf, actor), options);
}

function toColumn(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
