import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { bestCategory } from '../../../../src/medical/rules/index.ts';
import { baseline, claim, resident, settleInOrder } from '../build.ts';

const a = baseline.on('2023-03-01').assistance!;

describe('d4.art6.categories (D4 §6, reading most_favourable)', () => {
  test('dibao_marginal and illness_poverty, same ratio 60%: the lower deductible (2000) wins', () => {
    assert.equal(bestCategory(resident('illness_poverty', 'dibao_marginal'), '2023-03-01', a), 'dibao_marginal');
  });

  test('dibao_marginal and dibao: the higher ratio (70%) wins', () => {
    assert.equal(bestCategory(resident('dibao_marginal', 'dibao'), '2023-03-01', a), 'dibao');
  });

  test('category expired before the claim, not held', () => {
    const person = resident();
    person.categories.push({ code: 'dibao', from: '2020-01-01', to: '2022-12-31' });
    assert.equal(bestCategory(person, '2023-03-01', a), null);
  });

  test('two categories, one cost: assistance paid once, 5000 inpatient, eligible 2000 x 100% (tekun)', () => {
    const person = resident('dibao', 'tekun');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', total: '5000.00', basic: '3000.00' })]);
    assert.equal(bill!.category, 'tekun');
    assert.equal(bill!.assistance, 200_000);
    assert.equal(bill!.cashPaid, 0);
  });
});
