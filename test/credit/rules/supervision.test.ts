import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PARAM, scoringParams } from '../../../src/credit/rules/params.ts';
import { entitlement, measuresFor, sectorTarget, type EntitlementTable, type MeasureTable } from '../../../src/credit/rules/supervision.ts';

import { loadParams } from '../examples.ts';

const registry = loadParams();
const on = '2023-06-01';
const table = registry.at<EntitlementTable>(PARAM.entitlements, on)!.value;
const measures = registry.at<MeasureTable>(PARAM.measures, on)!.value;
const { categories } = scoringParams(registry, on);

describe('d2.part2_3_4.entitlement', () => {
  test('E 严重失信 and 告知承诺, no with the article', () => {
    const result = entitlement('notification_commitment', 'E', categories.E, table);
    assert.equal(result.outcome, 'decided');
    if (result.outcome === 'decided') {
      assert.equal(result.answer.allowed, false);
      assert.equal(result.answer.article, 'D2 二(三)4');
      assert.match(result.answer.reason, /E级（严重失信类）/);
    }
  });

  for (const action of ['government_procurement', 'investment_tender', 'fiscal_funds']) {
    test(`${action}: D general yes, E serious no`, () => {
      const d = entitlement(action, 'D', categories.D, table);
      const e = entitlement(action, 'E', categories.E, table);
      assert.equal(d.outcome === 'decided' && d.answer.allowed, true);
      assert.equal(e.outcome === 'decided' && e.answer.allowed, false);
    });
  }

  test('C and green channel, no (offered to 诚信守法 only); B, yes', () => {
    const c = entitlement('green_channel', 'C', categories.C, table);
    const b = entitlement('green_channel', 'B', categories.B, table);
    assert.equal(c.outcome === 'decided' && c.answer.allowed, false);
    assert.equal(b.outcome === 'decided' && b.answer.allowed, true);
  });

  test('unknown action, reported with the known ones', () => {
    const result = entitlement('fly', 'A', categories.A, table);
    assert.equal(result.outcome, 'unknown_action');
  });
});

describe('d2.part2_3.measures and d2.part1_3.sector_target', () => {
  test('serious category, procurement bar among its measures', () => {
    assert.ok(measuresFor('serious', measures).some((m) => m.code === 'procurement_bar'));
    assert.ok(measuresFor('trustworthy', measures).some((m) => m.code === 'notification_commitment'));
  });

  test('15 sectors running, target of 16 not met; 16, met', () => {
    const target = registry.at<{ min_sectors: number; by: string }>(PARAM.sectorTarget, on)!.value;
    assert.equal(sectorTarget(15, target).met, false);
    assert.equal(sectorTarget(16, target).met, true);
  });

  test('the eighteen sectors of D2 二(三)', () => {
    const sectors = registry.at<Array<{ label: string }>>(PARAM.sectors, on)!.value;
    assert.equal(sectors.length, 18);
    assert.equal(sectors[0]!.label, '政府采购');
    assert.equal(sectors[17]!.label, '民办学校');
  });
});
