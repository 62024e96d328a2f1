/** 专栏4 1 quota, 三(二)2 public-welfare posts, 三(一)3 care queries; worked by hand. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { careParameters, sunshineHome, tekunCare, type CarePerson } from '../../src/disability/rules/careServices.ts';
import { checkEmployer, quotaParameters, type Employer } from '../../src/disability/rules/quota.ts';
import { checkWelfarePosts, welfarePostLimits } from '../../src/disability/rules/welfarePosts.ts';
import { loadParams } from '../../src/platform/context.ts';

const ON = '2024-06-30';
const qp = quotaParameters(loadParams(), ON)!;

function employer(e: Partial<Employer>): Employer {
  return {
    id: 'x', name: '单位', kind: 'party_government', institutionType: null, level: 'city', county: null,
    posts: 60, staff: 60, disabledEmployees: 0, severeDisabledEmployees: 0, ...e,
  };
}

describe('d1.box4_1.quota_employment', () => {
  test('city body, 60 posts, no disabled staff: below 1.5% (0.9 of 60), short by one, by 2025-12-31', () => {
    const f = checkEmployer(employer({}), qp);
    assert.equal(f.duty, 'one_post');
    assert.equal(f.status, 'short');
    assert.equal(f.shortfall, 1);
    assert.equal(f.deadline, '2025-12-31');
    assert.equal(f.required, 1);
  });

  test('city body, 49 posts: outside item 1 (fewer than 50)', () => {
    assert.equal(checkEmployer(employer({ posts: 49, staff: 49 }), qp).status, 'not_in_scope');
  });

  test('institution, 67 posts, 200 staff, one employee: below ratio (3 needed) but item 1 met', () => {
    const f = checkEmployer(employer({ kind: 'public_institution', posts: 67, staff: 200, disabledEmployees: 1 }), qp);
    assert.equal(f.meetsRatio, false);
    assert.equal(f.status, 'met');
  });

  test('institution, 200 staff, one grade-2 employee counts as two: still below 3', () => {
    const f = checkEmployer(employer({ kind: 'public_institution', posts: 200, staff: 200, disabledEmployees: 1, severeDisabledEmployees: 1 }), qp);
    assert.equal(f.counted, 2);
    assert.equal(f.meetsRatio, false);
  });

  test('a secondary school of 120 posts, excepted', () => {
    const f = checkEmployer(employer({ kind: 'public_institution', institutionType: 'school', posts: 120, staff: 120 }), qp);
    assert.equal(f.status, 'not_in_scope');
  });

  test('county body of 80 posts, not city level, outside item 1', () => {
    assert.equal(checkEmployer(employer({ level: 'county', posts: 80, staff: 80 }), qp).status, 'not_in_scope');
  });

  test('county federation, 20 staff, 2 disabled: 10% < 15%, short by one (3 needed)', () => {
    const f = checkEmployer(employer({ kind: 'federation', level: 'county', posts: 20, staff: 20, disabledEmployees: 2 }), qp);
    assert.equal(f.duty, 'federation_share');
    assert.equal(f.status, 'short');
    assert.equal(f.shortfall, 1);
    assert.equal(checkEmployer(employer({ kind: 'federation', level: 'county', posts: 20, staff: 20, disabledEmployees: 3 }), qp).status, 'met');
  });
});

describe('d1.s3_2_2 public-welfare posts', () => {
  const limits = welfarePostLimits(loadParams(), ON)!;

  test('95 of 1 000 posts and 21% of the fund: posts short by 5, fund over the 20% cap', () => {
    const c = checkWelfarePosts({ totalPosts: 1000, disabledPosts: 95, fundTotal: 1_000_000_00, fundForDisabledPosts: 210_000_00 }, limits);
    assert.equal(c.postsMet, false);
    assert.equal(c.postsShortfall, 5);
    assert.equal(c.fundWithin, false);
    assert.equal(c.postsShare, 950);
  });

  test('100 of 1 000 posts and exactly 20% of the fund: both met', () => {
    const c = checkWelfarePosts({ totalPosts: 1000, disabledPosts: 100, fundTotal: 500_000_00, fundForDisabledPosts: 100_000_00 }, limits);
    assert.equal(c.postsMet, true);
    assert.equal(c.fundWithin, true);
  });
});

describe('d1.s3_1_3 care services', () => {
  const cp = careParameters(loadParams(), ON)!;
  const base: CarePerson = { birthDate: '1990-07-01', category: 'intellectual', grade: 3, household: 'none', alive: true, resident: true };

  test('intellectual grade 3 aged 33, 阳光家园 yes', () => {
    assert.equal(sunshineHome(base, cp, ON).eligible, true);
  });

  test('physical grade 3, not severe: 阳光家园 no; grade 2 yes', () => {
    assert.equal(sunshineHome({ ...base, category: 'physical' }, cp, ON).eligible, false);
    assert.equal(sunshineHome({ ...base, category: 'physical', grade: 2 }, cp, ON).eligible, true);
  });

  test('turns 60 on 2024-07-01: on 2024-06-30 aged 59, in; on 2024-07-01 aged 60, out', () => {
    const p = { ...base, birthDate: '1964-07-01' };
    assert.equal(sunshineHome(p, cp, '2024-06-30').eligible, true);
    assert.equal(sunshineHome(p, cp, '2024-07-01').eligible, false);
  });

  test('特困 aged 16 on the day, care yes; 15, no; not 特困, no', () => {
    const p = { ...base, household: 'tekun' as const, birthDate: '2008-06-30' };
    assert.equal(tekunCare(p, cp, ON).eligible, true);
    assert.equal(tekunCare({ ...p, birthDate: '2008-07-01' }, cp, ON).eligible, false);
    assert.equal(tekunCare({ ...p, household: 'dibao' }, cp, ON).eligible, false);
  });
});
