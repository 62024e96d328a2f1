import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PARAM } from '../../../src/credit/rules/params.ts';
import { checkRepair, type MinPublicity } from '../../../src/credit/rules/repair.ts';
import type { CreditRecord } from '../../../src/credit/rules/types.ts';

import { loadParams } from '../examples.ts';

const registry = loadParams();
const minPublicity = registry.at<MinPublicity>(PARAM.minPublicityMonths, '2023-01-01')!.value;
const repairable = registry.at<string[]>(PARAM.repairableIndicators, '2023-01-01')!.value;

const penalty: CreditRecord = {
  id: 'r1', uscc: '91230302MA1AAA042W', indicator: 'administrative_penalty',
  decided: '2022-03-01', status: 'active', domain: 'general',
};
const fulfilled = { obligationsFulfilled: true, pledgeSubmitted: true };

describe('d2.part2_4_3.repair_conditions', () => {
  test('general penalty after 3 months, fulfilled and pledged, eligible', () => {
    const result = checkRepair(penalty, fulfilled, '2022-06-01', minPublicity, repairable);
    assert.equal(result.eligible, true, result.unmet.join());
    assert.equal(result.earliest, '2022-06-01');
  });

  test('general penalty one day before 3 months, not eligible with the date', () => {
    const result = checkRepair(penalty, fulfilled, '2022-05-31', minPublicity, repairable);
    assert.equal(result.eligible, false);
    assert.deepEqual(result.unmet, ['最短公示期3个月未满，2022-06-01起方可修复']);
  });

  test('fire-safety penalty after 6 months, not eligible (12 months minimum)', () => {
    const result = checkRepair({ ...penalty, domain: 'fire' }, fulfilled, '2022-09-01', minPublicity, repairable);
    assert.equal(result.eligible, false);
    assert.equal(result.minMonths, 12);
    assert.equal(result.earliest, '2023-03-01');
  });

  test('penalty not fulfilled and no pledge, both conditions named', () => {
    const result = checkRepair(penalty, { obligationsFulfilled: false, pledgeSubmitted: false }, '2023-01-01', minPublicity, repairable);
    assert.deepEqual(result.unmet, ['尚未履行行政处罚等法定义务', '未提交信用修复承诺书']);
  });

  test('a positive record (donation), nothing to repair', () => {
    const result = checkRepair({ ...penalty, indicator: 'donation' }, fulfilled, '2023-01-01', minPublicity, repairable);
    assert.equal(result.eligible, false);
  });
});
