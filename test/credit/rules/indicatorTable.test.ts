import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseIndicatorTable } from '../../../src/credit/rules/indicatorTable.ts';
import { PARAM, scoringParams } from '../../../src/credit/rules/params.ts';
import { scorePublic } from '../../../src/credit/rules/publicScore.ts';

import { loadParams } from '../examples.ts';

const registry = loadParams();
const raw = registry.at<Record<string, unknown>>(PARAM.indicatorTable, '2023-01-01')!.value;

describe('indicator table as data (D2 附件)', () => {
  test('default table, 21 indicators adding up to 60 + 790 + 150 = 1000', () => {
    const result = parseIndicatorTable(raw, 'default');
    assert.equal(result.ok, true);
    if (result.ok) {
      assert.equal(result.table.indicators.length, 21);
      assert.equal(result.table.indicators.reduce((a, x) => a + x.points, 0), 1000);
    }
  });

  test('the printed appendix (行政强制 missing its weight), refused with the sums', () => {
    const indicators = (raw.indicators as Array<Record<string, unknown>>).map((x) =>
      x.code === 'compulsory_measure' ? { ...x, points: 30 } : x,
    );
    const result = parseIndicatorTable({ ...raw, indicators }, 'printed');
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.problems.map((p) => p.reason).join(), /合计 760 分/);
  });

  test("the province's version with other points, scored without code changes", () => {
    // A replacement table: 行政强制 30, 税费缴纳 60 (the other reading of the lost weight).
    const indicators = (raw.indicators as Array<Record<string, unknown>>).map((x) =>
      x.code === 'compulsory_measure' ? { ...x, points: 30 } : x.code === 'tax_arrears' ? { ...x, points: 60 } : x,
    );
    const parsed = parseIndicatorTable({ ...raw, indicators }, 'province-file');
    assert.equal(parsed.ok, true);
    if (!parsed.ok) return;
    const params = scoringParams(registry, '2023-06-01', parsed.table);
    const entity = { uscc: '91230302MA1AAA106T', established: '2018-04-01' };
    const record = { id: 'r', uscc: entity.uscc, indicator: 'tax_arrears', decided: '2023-01-01', status: 'active' as const };
    // 770 - 60 (tax arrears now 60) = 710.
    const result = scorePublic(entity, [record], '2023-06-01', params);
    assert.equal(result.score, 710);
    assert.equal(result.table, 'province-file');
    assert.equal(result.indicators.find((x) => x.code === 'tax_arrears')!.points, 0);
  });

  test('unknown rule kind, refused', () => {
    const indicators = (raw.indicators as Array<Record<string, unknown>>).map((x, i) => (i === 0 ? { ...x, rule: 'magic' } : x));
    assert.equal(parseIndicatorTable({ ...raw, indicators }, 'x').ok, false);
  });
});
