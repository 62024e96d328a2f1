import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parsePercent } from '../../src/core/money.ts';
import { loadParams } from '../../src/platform/context.ts';
import { decideTrigger } from '../../src/price/rules/subsidyTrigger.ts';
import { triggerThresholds } from '../../src/price/services/settings.ts';
import { exampleCsv, priceCases } from './examples.ts';

const params = loadParams();
const bp = (text: string | number | null | undefined) =>
  text === null || text === undefined || text === '' ? null : parsePercent(String(text))!;

function decide(month: string, cpi: number | string | null, food: number | string | null) {
  const thresholds = triggerThresholds(params, month);
  assert.ok(thresholds.ok, month);
  return decideTrigger({ month, cpi: bp(cpi), food: bp(food) }, thresholds.settings);
}

const KIND: Record<string, string | null> = { cpi: 'cpi', food: 'food', both: 'both' };

describe('D3 2.4.1(4) temporary price subsidies: the trigger', () => {
  for (const c of priceCases().subsidies.cases) {
    test(`${c.index_month} CPI ${c.cpi}%, food ${c.food}%: ${c.trigger ?? 'no trigger'}`, () => {
      const d = decide(c.index_month, c.cpi, c.food);
      assert.equal(d.outcome, 'decided');
      assert.equal(d.result.trigger, c.trigger === null ? null : KIND[c.trigger]);
    });
  }

  test('synthetic 2022-09 CPI 3.2%: meets the 3.0% threshold in force for that index month', () => {
    const c = priceCases().subsidies.synthetic_cpi_case;
    const d = decide(c.index_month, c.cpi, c.food);
    assert.equal(d.outcome, 'decided');
    assert.equal(d.result.trigger, c.trigger);
    assert.equal(d.result.rate, 320);
  });

  test('the same CPI 3.2% in index month 2023-03 does not trigger: 3.5% is back', () => {
    const d = decide('2023-03', 3.2, 5.0);
    assert.equal(d.outcome, 'decided');
    assert.equal(d.result.trigger, null);
  });

  test('both figures trigger: the higher rate is used', () => {
    const d = decide('2022-09', 3.1, 6.3);
    assert.equal(d.outcome, 'decided');
    assert.equal(d.result.trigger, 'both');
    assert.equal(d.result.rate, 630);
    assert.equal(d.result.rateFrom, 'food');
  });

  test('food figure missing and CPI below the threshold: needs input, not “no trigger”', () => {
    const d = decide('2024-01', -0.8, null);
    assert.equal(d.outcome, 'needs_input');
    assert.deepEqual(d.outcome === 'needs_input' && d.missing, ['food']);
  });

  test('real national CPI 2021–2023 triggers exactly in 2022-07, -08, -09, -10 and 2023-01, all on food', () => {
    const rows = exampleCsv('cpi_national.csv').filter((r) => r.month! >= '2021-01' && r.month! <= '2023-12');
    assert.equal(rows.length, 36);
    const triggered: string[] = [];
    for (const r of rows) {
      const d = decide(r.month!, r.cpi_yoy_percent!, r.food_cpi_yoy_percent!);
      assert.equal(d.outcome, 'decided', r.month);
      if (d.result.trigger) {
        assert.equal(d.result.trigger, 'food', r.month);
        triggered.push(r.month!);
      }
    }
    assert.deepEqual(triggered, ['2022-07', '2022-08', '2022-09', '2022-10', '2023-01']);
  });
});
