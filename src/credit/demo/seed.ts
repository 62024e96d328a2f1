/**
 * The credit part of the demonstration data set (合成演示数据): synthetic
 * entities in 鸡冠区 with a realistic spread of records, imported through
 * the same checked import path departments use and scored as of
 * 2023-06-01; an industry model for food, inspectors, one inspection plan,
 * and a few objections and repair applications. Seeded, so every database
 * gets the same data; skipped when already present.
 */
import type { PlatformContext } from '../../platform/context.ts';
import { syntheticUscc } from '../rules/synthetic.ts';
import { creditServices } from '../services/index.ts';

export const DEMO_SIZES = { full: 5_000, small: 300 } as const;
export const DEMO_ON = '2023-06-01';
/** Serial of the first synthetic entity; the demo 市场主体 account speaks for it. */
export const DEMO_FIRST_ENTITY = 200_000;
const MARK = '（合成数据）';

const MIX = [
  'administrative_penalty', 'administrative_penalty', 'inspection_finding', 'tax_arrears',
  'social_insurance_arrears', 'abnormal_operation', 'public_pledge', 'public_pledge', 'donation',
  'volunteering', 'commendation', 'court_judgment', 'national_evaluation_good', 'red_list',
  'environmental_credit', 'serious_dishonesty_list', 'key_persons', 'electricity_arrears',
];

function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function day(from: string, offset: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

export async function seedCreditDemo(
  ctx: PlatformContext,
  options: { size: 'small' | 'full'; onProgress?: (done: number, total: number) => void },
): Promise<{ seeded: boolean; entities: number }> {
  const present = await ctx.store.db.selectFrom('credit_entity').select('uscc').where('name', 'like', `%${MARK}`).limit(1).executeTakeFirst();
  if (present) {
    ctx.logger.info({ area: 'credit' }, 'demonstration data already present');
    return { seeded: false, entities: 0 };
  }

  const count = DEMO_SIZES[options.size];
  const random = generator(16);
  const entities = ['uscc,name,established'];
  const records = ['uscc,indicator,decided,source_department,document_number'];
  for (let i = 0; i < count; i += 1) {
    const uscc = syntheticUscc(DEMO_FIRST_ENTITY + i);
    entities.push(`${uscc},鸡西合成演示企业${String(i + 1).padStart(4, '0')}有限公司${MARK},${day('2008-01-01', Math.floor(random() * 5500))}`);
    const n = Math.floor(random() * random() * 6);
    for (let k = 0; k < n; k += 1) {
      const indicator = MIX[Math.floor(random() * MIX.length)]!;
      records.push(`${uscc},${indicator},${day('2020-07-01', Math.floor(random() * 1050))},合成演示部门,鸡合成〔2023〕${i + 1}-${k + 1}号`);
    }
  }

  const services = creditServices(ctx);
  await services.supervision.ensureSectors(DEMO_ON);
  await services.imports.entities(Buffer.from(entities.join('\n')), 'csv', DEMO_ON, options.onProgress ? { onProgress: options.onProgress } : {});
  await services.imports.records(Buffer.from(records.join('\n')), 'csv', DEMO_ON, options.onProgress ? { onProgress: options.onProgress } : {});

  // The accepted model of the worked examples, for 食品监管.
  await services.supervision.defineModel('food', {
    department: '市市场监督管理局',
    document_number: '合成演示〔2022〕1号',
    valid_from: '2022-12-01',
    indicators: [
      { code: 'public_score', label: '公共信用综合评价', source: 'public_score', weight: 0.5 },
      { code: 'sector_inspections', label: '行业监督检查', source: 'supervisory', weight: 0.3 },
      { code: 'complaints', label: '投诉举报', source: 'supervisory', weight: 0.2 },
    ],
  }, 'demo', DEMO_ON);

  const codes = entities.slice(1).map((line) => line.split(',')[0]!);
  for (let i = 1; i <= 12; i += 1) {
    await services.supervision.addInspector({
      id: `demo-insp-${String(i).padStart(2, '0')}`,
      name: `合成检查员${i}`,
      department: i <= 8 ? '市市场监督管理局' : '市生态环境局',
      sectors: i <= 8 ? ['food', 'quality', 'special_equipment', 'catering', 'drug_distribution'] : ['environment'],
      conflicts: codes.slice(i * 3, i * 3 + 2),
    });
  }
  await services.supervision.createPlan({ sector: 'food', period_from: '2023-07-01', period_to: '2023-09-30', base_ratio_percent: 10, seed: 'demo-food-2023Q3' }, 'demo', DEMO_ON);

  // A few cases in every state, with dates of 2023 (the calendar covers them).
  const officer = { user: 'demo-regulator', role: 'regulator' };
  const withRecords = await ctx.store.db.selectFrom('credit_record').select(['id', 'uscc', 'indicator', 'decided'])
    .where('indicator', '=', 'administrative_penalty').where('decided', '<=', '2023-02-01').orderBy('id').limit(6).execute();
  for (const [i, record] of withRecords.entries()) {
    const entity = { user: `demo-entity-${i + 1}`, role: 'entity' };
    if (i < 3) {
      const objection = await services.workflows.fileObjection({ uscc: record.uscc, record_id: record.id, claim: '合成演示：该处罚已被复议撤销', received_on: day('2023-05-15', i * 3) }, entity);
      if (i === 1) await services.workflows.actOnObjection(objection.id, 'start_check', officer, '2023-05-19');
      if (i === 2) await services.workflows.actOnObjection(objection.id, 'uphold', officer, '2023-05-26', '合成演示：经比对属实');
    } else {
      const repair = await services.workflows.applyRepair({ record_id: record.id, applied_on: day('2023-05-22', i), obligations_fulfilled: true, pledge_submitted: i !== 4 }, entity);
      if (i === 3) await services.workflows.actOnRepair(repair.id, 'approve', officer, '2023-05-29', '合成演示：符合修复条件');
    }
  }

  ctx.logger.info({ area: 'credit', entities: count, records: records.length - 1, on: DEMO_ON }, 'demonstration data seeded');
  return { seeded: true, entities: count };
}
