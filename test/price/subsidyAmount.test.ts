import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parsePercent, yuan } from '../../src/core/money.ts';
import { loadParams } from '../../src/platform/context.ts';
import { paymentList, subsidyAmount, type Recipient } from '../../src/price/rules/subsidyAmount.ts';
import { decideTrigger } from '../../src/price/rules/subsidyTrigger.ts';
import { subsidySettings, triggerThresholds } from '../../src/price/services/settings.ts';
import { priceCases } from './examples.ts';

const params = loadParams();
const subsidies = priceCases().subsidies;
const standards = {
  urban: yuan(String(subsidies.dibao_monthly_standard_yuan.urban)),
  rural: yuan(String(subsidies.dibao_monthly_standard_yuan.rural)),
};

function amountsFor(month: string, cpi: number, food: number) {
  const t = triggerThresholds(params, month);
  assert.ok(t.ok);
  const d = decideTrigger({ month, cpi: parsePercent(String(cpi))!, food: parsePercent(String(food))! }, t.settings);
  assert.equal(d.outcome, 'decided');
  const rate = d.result.rate;
  if (rate === null) return { urban: 0, rural: 0 };
  return {
    urban: subsidyAmount(standards.urban, rate, 'yuan') / 100,
    rural: subsidyAmount(standards.rural, rate, 'yuan') / 100,
  };
}

describe('D3 2.3(6) temporary price subsidies: the amount per person and month', () => {
  for (const c of subsidies.cases) {
    test(`${c.index_month}: urban ${c.urban} yuan, rural ${c.rural} yuan`, () => {
      assert.deepEqual(amountsFor(c.index_month, c.cpi, c.food), { urban: c.urban, rural: c.rural });
    });
  }

  test('synthetic CPI 3.2%: 700 × 3.2% = 22.4 → 22, 450 × 3.2% = 14.4 → 14', () => {
    const c = subsidies.synthetic_cpi_case;
    assert.deepEqual(amountsFor(c.index_month, c.cpi, c.food), { urban: c.urban, rural: c.rural });
  });

  for (const c of subsidies.rounding_cases) {
    test(`${c.standard} × ${c.rate_percent}% rounds half up to ${c.amount} yuan`, () => {
      assert.equal(subsidyAmount(yuan(String(c.standard)), parsePercent(String(c.rate_percent))!, 'yuan'), c.amount * 100);
    });
  }

  test('an exact half rounds up: 450 × 7.0% = 31.5 → 32 (2022-10 rural)', () => {
    assert.equal(subsidyAmount(45_000, 700, 'yuan'), 3_200);
  });

  test('a floor lifts a small amount: 450 × 1% = 4.5 → 5, floor 10 yuan → 10', () => {
    assert.equal(subsidyAmount(45_000, 100, 'yuan'), 500);
    assert.equal(subsidyAmount(45_000, 100, 'yuan', 1_000), 1_000);
  });

  test('parameter file: 低保 standards and rounding to whole yuan', () => {
    const s = subsidySettings(params, '2022-07');
    assert.ok(s.ok);
    assert.deepEqual(s.settings.standards, standards);
    assert.equal(s.settings.rounding, 'yuan');
    assert.equal(s.settings.paymentLag, 1);
  });
});

describe('D3 2.3(6)–(9) temporary price subsidies: the payment list per paying department', () => {
  const recipients: Recipient[] = [
    { id: 'r1', group: 'dibao', residence: 'urban', county: '230302' },
    { id: 'r2', group: 'dibao', residence: 'rural', county: '230321' },
    { id: 'r3', group: 'unemployment_insurance', residence: 'rural', county: '230382' },
    { id: 'r4', group: 'youfu', residence: 'rural', county: '230381' },
    { id: 'r5', group: 'student', residence: 'urban', county: '230302' },
    { id: 'r6', group: 'dibao_marginal', residence: 'urban', county: '230302' },
  ];

  test('index month 2022-09 at 8.8%: urban 62, rural 40; 低保边缘 covered in that period', () => {
    const s = subsidySettings(params, '2022-09');
    assert.ok(s.ok);
    const list = paymentList('2022-09', '2022-10', 880, recipients, s.settings);
    const byPayer = Object.fromEntries(list.departments.map((d) => [d.payer, d]));
    // civil affairs: r1 urban 62 + r2 rural 40 + r6 urban 62 = 164
    assert.equal(byPayer.civil_affairs!.total, 16_400);
    // 失业保险金 uses the urban standard whatever the residence: 62
    assert.equal(byPayer.human_resources!.lines[0]!.amount, 6_200);
    assert.equal(byPayer.veterans_affairs!.total, 4_000);
    assert.equal(byPayer.education!.total, 6_200);
    assert.equal(list.total, 16_400 + 6_200 + 4_000 + 6_200);
    assert.deepEqual(list.excluded, []);
  });

  test('index month 2023-01 (6.2%): 低保边缘 still covered; 2023-03 it is not', () => {
    const january = subsidySettings(params, '2023-01');
    const march = subsidySettings(params, '2023-03');
    assert.ok(january.ok && march.ok);
    assert.equal(paymentList('2023-01', '2023-02', 620, recipients, january.settings).excluded.length, 0);
    const later = paymentList('2023-03', '2023-04', 620, recipients, march.settings);
    assert.deepEqual(later.excluded.map((e) => e.recipientId), ['r6']);
  });
});
