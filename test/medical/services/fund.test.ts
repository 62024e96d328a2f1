/**
 * The fund ledger's door to the D4 §19 rule, with the worked ledger of
 * ../shared/examples/medical/accounts_premiums_fund.json read as it is: the
 * city's budget stored under its code 230300, spending by certifying county.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { formatYuan, parseYuan } from '../../../src/core/money.ts';
import { loadParams, ROOT } from '../../../src/platform/context.ts';
import { shortfallWithRules } from '../../../src/medical/services/engine.ts';
import { CITY_COUNTY } from '../../../src/medical/services/records.ts';
import { SHARED_EXAMPLES } from '../../helpers/shared.ts';

interface FundExample {
  year: number;
  budget: Record<string, string>;
  spending_by_certifier: Record<string, string>;
  accumulated_surplus: string;
  expected: { gap: string; from_surplus: string; remaining: string; remaining_by_certifier: Record<string, string> };
}

const example = (JSON.parse(readFileSync(join(SHARED_EXAMPLES, 'medical', 'accounts_premiums_fund.json'), 'utf8')) as { fund_ledger: FundExample }).fund_ledger;

test('fund ledger of the worked example, surplus first, the rest shared by certifying county', () => {
  const view = shortfallWithRules(loadParams(), {
    year: example.year,
    budgets: Object.entries(example.budget).map(([county, v]) => ({ county: county === 'city' ? CITY_COUNTY : county, budget: parseYuan(v)! })),
    spending: Object.entries(example.spending_by_certifier).map(([county, v]) => ({ county, spending: parseYuan(v)! })),
    accumulatedSurplus: parseYuan(example.accumulated_surplus)!,
  });

  assert.equal(view.inForce, true);
  assert.deepEqual(
    { gap: formatYuan(view.gap), from_surplus: formatYuan(view.fromSurplus), remaining: formatYuan(view.remaining) },
    { gap: example.expected.gap, from_surplus: example.expected.from_surplus, remaining: example.expected.remaining },
  );
  assert.deepEqual(
    Object.fromEntries(view.byCertifier.map((c) => [c.county, formatYuan(c.amount)])),
    example.expected.remaining_by_certifier,
  );
});

test('fund ledger of a year before D4 was in force, no shortfall rule applied', () => {
  const view = shortfallWithRules(loadParams(), { year: 2021, budgets: [], spending: [{ county: '230321', spending: 100 }], accumulatedSurplus: 0 });
  assert.equal(view.inForce, false);
  assert.deepEqual(view.byCertifier, []);
});
