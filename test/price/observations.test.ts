import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import iconv from 'iconv-lite';

import type { PlatformError } from '../../src/core/errors.ts';
import { writeTable } from '../../src/io/table.ts';
import type { PlatformContext } from '../../src/platform/context.ts';
import { upsertItems, upsertPoints } from '../../src/price/services/catalogue.ts';
import { decideHeld, importObservationFile, listObservations, OBSERVATION_COLUMNS } from '../../src/price/services/observations.ts';
import { describeEachDatabase } from '../helpers/db.ts';

const caller = { user: 'clerk-1', role: 'monitor' };
const HEADER = '项目,规格等级,单位,本期均价,上期均价,变动幅度,备注';

async function seed(ctx: PlatformContext) {
  await upsertItems(ctx, [
    { id: 'rice', name: '粳米', category: 'grain', unit: '元/500克', specification: '一级' },
    { id: 'rice2', name: '粳米', category: 'grain', unit: '元/500克', specification: '二级' },
    { id: 'oil', name: '大豆油', category: 'edible_oil', unit: '元/5升', specification: '桶装' },
    { id: 'egg', name: '鸡蛋', category: 'eggs', unit: '元/500克', specification: '散装', plausibleMin: '1.00', plausibleMax: '20.00' },
  ]);
  await upsertPoints(ctx, [
    { id: 'p1', name: '鸡冠区农贸市场', county: '230302', kind: 'market' },
  ]);
}

const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'), 'utf8');

describeEachDatabase('D3 1.4(1) price observations imported from the offices\' form', (database) => {
  let ctx: PlatformContext;
  before(async () => {
    ctx = await database.open();
    await seed(ctx);
  });
  after(async () => ctx.close());

  test('a valid form stores every row; running it again stores nothing twice', async () => {
    const file = csv('粳米,一级,元/500克,2.55,2.50,2.00%,', '大豆油,桶装,元/5升,61.80,60.00,3.00,节前备货');
    const first = await importObservationFile(ctx, file, 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date: '2022-09-12' } });
    assert.equal(first.stored, 2);
    assert.equal(first.held, 0);
    const again = await importObservationFile(ctx, file, 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date: '2022-09-12' } });
    assert.equal(again.stored, 0);
    assert.equal(again.unchanged, 2);
    const stored = await listObservations(ctx, { pointId: 'p1', from: '2022-09-12', to: '2022-09-12' });
    assert.deepEqual(stored.map((o) => [o.itemId, o.price, o.reportedChangePercent]).sort(), [['oil', '61.80', '3.00'], ['rice', '2.55', '2.00']]);
  });

  test('bad rows refuse the whole file, naming row, column, value and reason; nothing stored', async () => {
    const file = csv(
      '鸡蛋,散装,元/500克,5.15,5.00,3.00,',            // row 2: fine
      '面粉,特一粉,元/500克,2.00,1.90,5.26,',           // row 3: not in the catalogue
      '粳米,,元/500克,2.60,2.50,4.00,',                 // row 4: two specifications, none given
      '大豆油,桶装,元/升,61.80,60.00,3.00,',            // row 5: wrong unit
      '鸡蛋,散装,元/500克,5.25,5.00,3.00,',             // row 6: 5.25 / 5.00 is +5.00%, not 3.00
      '鸡蛋,散装,元/500克,五元,5.00,,',                  // row 7: price not a number
    );
    await assert.rejects(
      importObservationFile(ctx, file, 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date: '2022-09-13' } }),
      (error: PlatformError) => {
        assert.equal(error.code, 'ERR_PRICE_IMPORT_INVALID');
        const found = error.problems!.map((p) => [p.row, p.field]);
        assert.deepEqual(found, [[3, 'item'], [4, 'specification'], [5, 'unit'], [6, 'change'], [7, 'price']]);
        assert.match(error.problems!.find((p) => p.row === 6)!.reason, /5\.00%/);
        assert.equal(error.problems!.find((p) => p.row === 5)!.value, '元/升');
        return true;
      },
    );
    assert.equal((await listObservations(ctx, { from: '2022-09-13', to: '2022-09-13' })).length, 0);
  });

  test('with skipInvalid the good rows are stored and the bad ones reported', async () => {
    const file = csv('鸡蛋,散装,元/500克,5.15,5.00,3.00,', '面粉,特一粉,元/500克,2.00,1.90,5.26,');
    const report = await importObservationFile(ctx, file, 'csv', { skipInvalid: true, caller, defaults: { point: 'p1', date: '2022-09-14' } });
    assert.equal(report.stored, 1);
    assert.equal(report.skipped, 1);
    assert.equal(report.problems[0]!.row, 3);
  });

  test('a price far from the previous average is held, kept out, then confirmed', async () => {
    // 粳米 2.55 on 09-12 at p1; 09-15 reports 25.50 with no 上期均价: +900% against the stored 2.55
    const file = csv('粳米,一级,元/500克,25.50,,,');
    const report = await importObservationFile(ctx, file, 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date: '2022-09-15' } });
    assert.equal(report.held, 1);
    assert.match(report.heldRows[0]!.reason, /2\.55/);
    const held = await listObservations(ctx, { status: 'held' });
    assert.equal(held.length, 1);
    const confirmed = await decideHeld(ctx, held[0]!.id, 'confirm', { user: 'chief', role: 'price_office' }, '核实为录入无误的特供米');
    assert.equal(confirmed.status, 'accepted');
    await assert.rejects(decideHeld(ctx, held[0]!.id, 'confirm', caller, ''), { code: 'ERR_PRICE_NOT_HELD' });
  });

  test('outside the item band is held: eggs at 25.00 above the 20.00 ceiling', async () => {
    const report = await importObservationFile(ctx, csv('鸡蛋,散装,元/500克,25.00,,,'), 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date: '2022-09-16' } });
    assert.equal(report.held, 1);
    assert.match(report.heldRows[0]!.reason, /上限 20\.00/);
  });

  test('a voided price can be replaced by a corrected one; another price on a stored key is refused', async () => {
    const date = '2022-09-17';
    await importObservationFile(ctx, csv('大豆油,桶装,元/5升,62.00,,,'), 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date } });
    await assert.rejects(
      importObservationFile(ctx, csv('大豆油,桶装,元/5升,62.50,,,'), 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date } }),
      { code: 'ERR_PRICE_IMPORT_INVALID' },
    );
    await decideHeld(ctx, `p1|oil|${date}`, 'reject', { user: 'chief', role: 'price_office' }, '录入错误');
    const fixed = await importObservationFile(ctx, csv('大豆油,桶装,元/5升,62.50,,,'), 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date } });
    assert.equal(fixed.stored, 1);
    const [row] = await listObservations(ctx, { itemId: 'oil', from: date, to: date });
    assert.equal(row!.price, '62.50');
    assert.equal(row!.status, 'accepted');
  });

  test('XLSX and GBK CSV with the same form are read alike', async () => {
    const xlsx = await writeTable(
      [{ item: '鸡蛋', specification: '散装', unit: '元/500克', price: '5.20', previous: '5.15', change: '0.97', note: '', point: 'p1', date: '2022-09-18' }],
      OBSERVATION_COLUMNS, 'xlsx', { headers: 'label' },
    );
    assert.equal((await importObservationFile(ctx, xlsx, 'xlsx', { skipInvalid: false, caller })).stored, 1);
    const gbk = iconv.encode(`${HEADER}\n鸡蛋,散装,元/500克,5.22,5.20,0.38,\n`, 'gbk');
    assert.equal((await importObservationFile(ctx, gbk, 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date: '2022-09-19' } })).stored, 1);
  });

  test('the stored reference is the last accepted price within price.d3.art1_4.reference_days (62) before the date', async () => {
    // 粳米 at p1: 25.50 accepted on 09-15 (confirmed above). 11-16 is 62
    // days after it: still the reference, 80.00 is +213.73% and held. 11-17
    // is 63 days after: no reference, so only the (absent) band applies.
    const inWindow = await importObservationFile(ctx, csv('粳米,一级,元/500克,80.00,,,'), 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date: '2022-11-16' } });
    assert.equal(inWindow.held, 1);
    assert.match(inWindow.heldRows[0]!.reason, /25\.50/);
    const outside = await importObservationFile(ctx, csv('粳米,一级,元/500克,80.00,,,'), 'csv', { skipInvalid: false, caller, defaults: { point: 'p1', date: '2022-11-17' } });
    assert.equal(outside.held, 0);
  });
});
