/**
 * Loads the demonstration register (合成演示数据) and runs the payrolls of
 * DEMO_PAYROLL_MONTHS through the real payroll service. Every row has a
 * fixed id and is inserted only if absent, so a killed seed completes when
 * run again; a finished one is recognised and skipped.
 */
import type { Kysely } from 'kysely';

import type { Database } from '../../db/schema.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { Actor } from '../services/caller.ts';
import { runPayroll } from '../services/payroll.ts';
import { recordId } from '../services/register.ts';
import { DEMO_PAYROLL_MONTHS, DEMO_SOURCE, DEMO_YEARS, generateDemo, type DemoPerson, type DemoTargets } from './generate.ts';

const DEMO_ACTOR: Actor = { user: 'demo', role: 'disabled_federation' };
const CHUNK = 500;

export function demoTargets(ctx: PlatformContext): DemoTargets {
  const v = <T>(name: string): T => {
    const found = ctx.params.at<T>(`disability.d1.s1.${name}`, '2021-01-01');
    if (!found) throw new Error(`demonstration calibration parameter disability.d1.s1.${name} missing`);
    return found.value;
  };
  return {
    cardHolders: v('card_holders'),
    livingRecipients: v('living_recipients'),
    careRecipients: v('care_recipients'),
    pensionRate: v('pension_rate'),
    medicalRate: v('medical_rate'),
    rehabDeviceRate: v('rehab_device_rate'),
    schoolRate: v('school_rate'),
    homes2016to2020: v('home_modifications'),
  };
}

/** Stamp of every demonstration row, fixed so all databases hold the same. */
const DEMO_STAMP = '2025-12-01T00:00:00.000Z';

/** The table rows of generated persons, their periods, records, grants and events. */
export function demoRows(persons: readonly DemoPerson[]) {
  const at = DEMO_STAMP;
  const rows = {
    persons: persons.map((p) => ({
      id: p.id, resident_id: p.residentId, name: p.name, sex: p.sex, birth_date: p.birthDate, county: p.county,
      card_number: p.cardNumber, category: p.category, grade: p.grade, bank_account: p.bankAccount,
      deceased_on: p.deceasedOn, moved_away_on: p.movedAwayOn, source: DEMO_SOURCE,
      created_at: at, created_by: DEMO_ACTOR.user, updated_at: at, updated_by: DEMO_ACTOR.user,
    })),
    households: persons.flatMap((p) => p.households.map((h, k) => ({
      id: `hh_demo_${p.n}_${k}`, person_id: p.id, status: h.status, valid_from: h.from, valid_to: h.to, recorded_at: at, recorded_by: DEMO_ACTOR.user,
    }))),
    benefits: persons.flatMap((p) => p.benefits.map((b, k) => ({
      id: `bp_demo_${p.n}_${k}`, person_id: p.id, kind: b.kind, valid_from: b.from, valid_to: b.to, recorded_at: at, recorded_by: DEMO_ACTOR.user,
    }))),
    records: persons.flatMap((p) => p.records.map((r) => ({
      id: recordId(p.id, r.kind, r.on, null), person_id: p.id, kind: r.kind, on_date: r.on, until_date: r.until, detail: null, recorded_at: at, recorded_by: DEMO_ACTOR.user,
    }))),
    applications: persons.flatMap((p) => p.grants.map((g) => ({
      id: `da_demo_${p.n}_${g.subsidy}`, person_id: p.id, subsidy: g.subsidy, channel: p.n % 97 === 0 ? 'cross_province' : 'local',
      accepted_at: p.n % 97 === 0 ? '辽宁省' : null, status: g.status, received_on: g.receivedOn,
      reviewed_on: g.status === 'approved' ? g.decidedOn : null, decided_on: g.status === 'approved' ? g.decidedOn : null,
      ended_on: null, review_json: null, reasons_json: null, created_at: at, created_by: DEMO_ACTOR.user, updated_at: at,
    }))),
  };
  const events = rows.applications.flatMap((a) => [
    { id: `ae_${a.id}_0`, application_id: a.id, action: 'receive', from_status: null, to_status: 'received', on_date: a.received_on, note: DEMO_SOURCE, by_user: DEMO_ACTOR.user, at },
    ...(a.status === 'approved' ? [
      { id: `ae_${a.id}_1`, application_id: a.id, action: 'review', from_status: 'received', to_status: 'reviewed', on_date: a.decided_on!, note: null, by_user: DEMO_ACTOR.user, at },
      { id: `ae_${a.id}_2`, application_id: a.id, action: 'approve', from_status: 'reviewed', to_status: 'approved', on_date: a.decided_on!, note: null, by_user: DEMO_ACTOR.user, at },
    ] : []),
  ]);

  return { ...rows, events };
}

export function rowCount(rows: ReturnType<typeof demoRows>): number {
  return rows.persons.length + rows.households.length + rows.benefits.length + rows.records.length + rows.applications.length + rows.events.length;
}

/**
 * Insert the rows (ids fixed, each inserted only if absent), a transaction
 * per 5 000. Used by the seed and by bench/disability.bench.ts.
 */
export async function loadDemoRows(ctx: PlatformContext, rows: ReturnType<typeof demoRows>, tick: (n: number) => void = () => {}): Promise<void> {
  const db = ctx.store.db;
  await insertAll(db, 'disability_person', rows.persons, tick);
  await insertAll(db, 'disability_household_period', rows.households, tick);
  await insertAll(db, 'disability_benefit_period', rows.benefits, tick);
  await insertAll(db, 'disability_service_record', rows.records, tick);
  await insertAll(db, 'disability_application', rows.applications, tick);
  await insertAll(db, 'disability_application_event', rows.events, tick);
}

type TableName = keyof Database & `disability_${string}`;

async function insertAll(db: Kysely<Database>, table: TableName, rows: readonly Record<string, unknown>[], tick: (n: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK * 10) {
    await db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(i + CHUNK * 10, rows.length); j += CHUNK) {
        const chunk = rows.slice(j, j + CHUNK);
        const key = table === 'disability_payroll_month' ? 'month' : 'id';
        await trx.insertInto(table).values(chunk as never).onConflict((oc) => oc.column(key as never).doNothing()).execute();
        tick(chunk.length);
      }
    });
  }
}

export async function seedDisabilityDemo(
  ctx: PlatformContext,
  options: { size: 'small' | 'full'; onProgress?: (done: number, total: number) => void },
): Promise<{ seeded: boolean; persons: number }> {
  const db = ctx.store.db;
  const lastMonth = DEMO_PAYROLL_MONTHS[DEMO_PAYROLL_MONTHS.length - 1]!;
  const done = await db.selectFrom('disability_payroll_month').select('month').where('month', '=', lastMonth).where('status', '=', 'finished').executeTakeFirst();
  const present = await db.selectFrom('disability_person').select((eb) => eb.fn.countAll<number>().as('n')).where('source', '=', DEMO_SOURCE).executeTakeFirst();
  if (done && Number(present?.n ?? 0) > 0) {
    ctx.logger.info({ area: 'disability' }, 'demonstration data already present');
    return { seeded: false, persons: Number(present?.n ?? 0) };
  }
  const other = await db.selectFrom('disability_person').select('id').where((eb) => eb.or([eb('source', 'is', null), eb('source', '!=', DEMO_SOURCE)])).limit(1).executeTakeFirst();
  if (other) {
    ctx.logger.warn({ area: 'disability' }, 'register holds real data; demonstration data not loaded');
    return { seeded: false, persons: 0 };
  }

  const rows = demoRows(generateDemo(demoTargets(ctx), options.size));
  const total = rowCount(rows) + DEMO_PAYROLL_MONTHS.length * 1000;
  let progress = 0;
  const tick = (n: number) => {
    progress += n;
    options.onProgress?.(Math.min(progress, total), total);
  };
  await loadDemoRows(ctx, rows, tick);
  await seedFigures(db, DEMO_STAMP, tick);

  for (const month of DEMO_PAYROLL_MONTHS) {
    await runPayroll(ctx, month, DEMO_ACTOR);
    tick(1000);
  }
  options.onProgress?.(total, total);
  ctx.logger.info({ area: 'disability', persons: rows.persons.length, records: rows.records.length, months: DEMO_PAYROLL_MONTHS.length }, 'demonstration data seeded');
  return { seeded: true, persons: rows.persons.length };
}

/** Entered indicator figures, employers and public-welfare posts, all invented. */
async function seedFigures(db: Kysely<Database>, at: string, tick: (n: number) => void): Promise<void> {
  const gdp = [620, 350, 510, 480, 500];
  const income = [680, 390, 460, 420, 530];
  const entries = DEMO_YEARS.flatMap((year, y) => [
    { id: `ie_demo_gdp_${year}`, series: 'gdp_growth', year, county: '230300', value_bp: gdp[y]!, note: DEMO_SOURCE, entered_by: DEMO_ACTOR.user, entered_role: 'disabled_federation', entered_at: at },
    { id: `ie_demo_income_${year}`, series: 'income_growth', year, county: '230300', value_bp: income[y]!, note: DEMO_SOURCE, entered_by: DEMO_ACTOR.user, entered_role: 'disabled_federation', entered_at: at },
    { id: `ie_demo_dibao_${year}`, series: 'dibao_inclusion', year, county: '230300', value_bp: 10_000, note: DEMO_SOURCE, entered_by: 'demo-minzheng', entered_role: 'civil_affairs', entered_at: at },
  ]);
  await insertAll(db, 'disability_indicator_entry', entries, tick);

  const employers: Record<string, unknown>[] = [];
  const add = (id: string, name: string, kind: string, level: string, posts: number | null, staff: number, disabled: number, severe = 0, institutionType: string | null = null, county: string | null = null) =>
    employers.push({ id, name: `${name}（演示）`, kind, institution_type: institutionType, level, county, posts, staff, disabled_employees: disabled, severe_disabled_employees: severe, as_of: '2025-06-30', updated_at: at, updated_by: DEMO_ACTOR.user });
  add('DEMO-E01', '市某局甲', 'party_government', 'city', 86, 80, 0);
  add('DEMO-E02', '市某局乙', 'party_government', 'city', 52, 50, 1);
  add('DEMO-E03', '市某委丙', 'party_government', 'city', 120, 114, 2, 1);
  add('DEMO-E04', '市某办丁', 'party_government', 'city', 45, 44, 0);
  add('DEMO-E05', '市某中心甲', 'public_institution', 'city', 150, 140, 0);
  add('DEMO-E06', '市某医院', 'public_institution', 'city', 680, 650, 6, 2);
  add('DEMO-E07', '市某中学', 'public_institution', 'city', 210, 205, 0, 0, 'school');
  add('DEMO-E08', '某区某中心', 'public_institution', 'county', 70, 68, 0, 0, null, '230302');
  add('DEMO-E09', '市某幼儿园', 'public_institution', 'city', 80, 78, 0, 0, 'kindergarten');
  add('DEMO-E10', '市残疾人联合会', 'federation', 'city', 30, 28, 5);
  add('DEMO-E11', '密山市残疾人联合会', 'federation', 'county', 14, 13, 1, 0, null, '230382');
  add('DEMO-E12', '虎林市残疾人联合会', 'federation', 'county', 12, 12, 2, 0, null, '230381');
  add('DEMO-E13', '某煤业公司', 'enterprise', 'city', null, 1200, 20, 4);
  await insertAll(db, 'disability_employer', employers, tick);

  const posts = DEMO_YEARS.map((year, y) => ({
    id: `${year}:230300`, year, county: '230300', total_posts: 1800 + 40 * y, disabled_posts: y === 2 ? 170 : 190 + 5 * y,
    fund_total: 5_000_000_00, fund_for_disabled_posts: 900_000_00 + 20_000_00 * y, entered_by: DEMO_ACTOR.user, entered_at: at,
  }));
  await insertAll(db, 'disability_welfare_posts', posts, tick);
}
