/**
 * The worked eligibility cases (examples/disability/cases.json) with the
 * example amounts put in as parameter overrides over the shipped defaults.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseYuan } from '../../src/core/money.ts';
import { checkCardNumber } from '../../src/disability/rules/card.ts';
import { decideCare } from '../../src/disability/rules/careSubsidy.ts';
import { decideLiving } from '../../src/disability/rules/livingSubsidy.ts';
import { P, subsidyParameters } from '../../src/disability/rules/subsidyParameters.ts';
import type { BenefitKind, HouseholdStatus, Situation } from '../../src/disability/rules/types.ts';
import { loadParams } from '../../src/platform/context.ts';
import { loadExamples } from './examples.ts';

const examples = loadExamples();
const ON = '2023-06-01';

function paramsFor(county: string, extensions: Record<string, boolean>) {
  const amounts = examples.subsidy_parameters;
  const registry = loadParams().withOverrides([
    { id: P.living, value: String(amounts.living_subsidy_monthly_yuan) },
    { id: P.care1, value: String(amounts.care_subsidy_monthly_yuan['1']) },
    { id: P.care2, value: String(amounts.care_subsidy_monthly_yuan['2']) },
    { id: P.extensions, value: { [county]: extensions } },
    // dis-04: "grade 3 under the extension paid at the county's extension amount; here 80".
    { id: P.careExtensionByCounty, value: { [county]: '80' } },
  ]);
  const resolved = subsidyParameters(registry, county, ON);
  assert.ok(resolved.ok);
  return resolved.value;
}

function situation(card: string, household: string, benefits: BenefitKind[]): Situation {
  const checked = checkCardNumber(card);
  assert.ok(checked.ok, card);
  return {
    county: checked.area,
    category: checked.category,
    grade: checked.grade,
    household: household as HouseholdStatus,
    benefits: new Set(benefits),
    alive: true,
    resident: true,
  };
}

describe('two subsidies, worked cases (D1 三(一)5)', () => {
  for (const c of examples.eligibility) {
    test(`${c.id} ${c.note ?? c.care_amount_note ?? ''}: living ${c.living}, care ${c.care}, ${c.monthly_total} a month`, () => {
      const s = situation(c.card, c.household, c.receives_orphan_allowance ? ['orphan_allowance'] : []);
      const params = paramsFor(s.county, c.county_extensions);

      const living = decideLiving(s, params, { explain: true });
      const care = decideCare(s, params, { explain: true });

      assert.equal(living.outcome === 'eligible', c.living, JSON.stringify(living));
      assert.equal(care.outcome === 'eligible', c.care, JSON.stringify(care));
      const total = (living.outcome === 'eligible' ? living.amount : 0) + (care.outcome === 'eligible' ? care.amount : 0);
      assert.equal(total, parseYuan(String(c.monthly_total)));
    });
  }

  test('dis-05 特困 grade 4, reasons: the 特困 exclusion and not 低保 for living, grade for care', () => {
    const s = situation('23038219700101045064', 'tekun', []);
    const params = paramsFor(s.county, {});
    const living = decideLiving(s, params);
    const care = decideCare(s, params);
    assert.equal(living.outcome, 'not_eligible');
    assert.equal(care.outcome, 'not_eligible');
    if (living.outcome !== 'not_eligible' || care.outcome !== 'not_eligible') return;
    assert.deepEqual(living.reasons.map((r) => r.code), ['excluded_tekun', 'not_dibao']);
    assert.deepEqual(care.reasons.map((r) => r.code), ['grade_not_severe']);
  });

  test('dis-06 with the orphan exclusion switched off, living subsidy paid as well: 100 + 80', () => {
    const s = situation('23032119921212057672', 'dibao', ['orphan_allowance']);
    const registry = loadParams().withOverrides([
      { id: P.living, value: '100' },
      { id: P.care2, value: '80' },
      { id: P.excludeOrphan, value: false },
    ]);
    const resolved = subsidyParameters(registry, s.county, ON);
    assert.ok(resolved.ok);
    const living = decideLiving(s, resolved.value);
    const care = decideCare(s, resolved.value);
    assert.equal(living.outcome, 'eligible');
    assert.equal(care.outcome, 'eligible');
    if (living.outcome === 'eligible' && care.outcome === 'eligible') assert.equal(living.amount + care.amount, 18000);
  });

  test('grade 1 with long-term-care insurance, care refused while the switch is on', () => {
    const s = situation('23030219850315001841', 'dibao', ['ltc_insurance']);
    const care = decideCare(s, paramsFor(s.county, {}));
    assert.equal(care.outcome, 'not_eligible');
    if (care.outcome === 'not_eligible') assert.deepEqual(care.reasons.map((r) => r.code), ['excluded_ltc_insurance']);
  });

  test('grade 3 visual, other-categories extension on, care paid at the extension amount', () => {
    // 230302198503150018 + 1 视力 + 3级
    const s = situation('23030219850315001813', 'none', []);
    const care = decideCare(s, paramsFor(s.county, { care_to_grade_3_4_other_categories: true }));
    assert.equal(care.outcome, 'eligible');
    if (care.outcome === 'eligible') {
      assert.equal(care.amount, 8000);
      assert.equal(care.basis, 'county_extension');
    }
  });

  test('低保 grade 1 who died, neither subsidy, reason deceased', () => {
    const s = { ...situation('23030219850315001841', 'dibao', []), alive: false };
    const params = paramsFor(s.county, {});
    for (const d of [decideLiving(s, params), decideCare(s, params)]) {
      assert.equal(d.outcome, 'not_eligible');
      if (d.outcome === 'not_eligible') assert.deepEqual(d.reasons.map((r) => r.code), ['deceased']);
    }
  });

  test('shipped defaults, every amount carries source and confirm', () => {
    const registry = loadParams();
    for (const id of [P.living, P.care1, P.care2, P.careExtension]) {
      const d = registry.definition(id)!;
      assert.ok(d.source && d.confirm, id);
    }
    const resolved = subsidyParameters(registry, '230302', ON);
    assert.ok(resolved.ok);
    assert.deepEqual(resolved.value.extensions, {
      living_to_dibao_marginal: false,
      living_to_other_hardship: false,
      care_to_grade_3_4_intellectual_mental: false,
      care_to_grade_3_4_other_categories: false,
    });
  });

  test('a day before any parameter is in force, the first missing one is named', () => {
    const resolved = subsidyParameters(loadParams(), '230302', '2015-01-01');
    assert.equal(resolved.ok, false);
    if (!resolved.ok) assert.equal(resolved.missing, P.living);
  });
});
