/** The quota list over stored employers, public-welfare posts, care lists; worked by hand. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { careList, quotaCheck, saveEmployer, saveWelfarePosts, welfarePosts } from '../../../src/disability/services/duties.ts';
import { importEmployers } from '../../../src/disability/services/imports.ts';
import { registerPerson } from '../../../src/disability/services/register.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { card, CLERK, residentId } from '../helpers.ts';

describeEachDatabase('disability duties', (database) => {
  let ctx: PlatformContext;
  before(async () => { ctx = await database.open(); });
  after(async () => ctx.close());

  test('three employers by file and one by form: the one city body of 60 posts with nobody disabled falls short', async () => {
    const file = Buffer.from([
      '单位代码,单位名称,单位类型,事业单位类别,层级,县区代码,编制数,在职职工数,残疾职工数,一二级残疾职工数',
      'E1,市甲局,党政机关,,市级,,60,60,0,0',
      'E2,市乙中学,事业单位,中小学,市级,,120,118,0,0',
      'E3,市残联,残联机关,,市级,,20,20,3,1',
    ].join('\n'), 'utf8');
    const report = await importEmployers(ctx, file, 'csv', CLERK);
    assert.equal(report.stored, 3);
    await saveEmployer(ctx, { id: 'E4', name: '市丙中心', kind: 'public_institution', institutionType: null, level: 'city', county: null, posts: 80, staff: 80, disabledEmployees: 2, severeDisabledEmployees: 0 }, '2024-06-30', CLERK);

    const check = await quotaCheck(ctx, { on: '2024-06-30' });
    // E1 short (0 of the 0.9 required, nobody employed); E2 excepted (school);
    // E3 federation 3 of 20 = 15% met; E4 2 of 80 ≥ 1.5% (1.2) met.
    assert.deepEqual([check.employers, check.short, check.met, check.notInScope], [4, 1, 2, 1]);
    assert.equal(check.findings[0]!.employerId, 'E1');
    assert.equal(check.findings[0]!.shortfall, 1);
    assert.equal(check.findings.find((f) => f.employerId === 'E3')!.duty, 'federation_share');
  });

  test('posts entered for two counties, the city line sums them: 15 of 200 posts is short by 5', async () => {
    await saveWelfarePosts(ctx, { year: 2024, county: '230302', totalPosts: 120, disabledPosts: 10, fundTotalYuan: '100000', fundForDisabledPostsYuan: '15000' }, CLERK);
    await saveWelfarePosts(ctx, { year: 2024, county: '230381', totalPosts: 80, disabledPosts: 5, fundTotalYuan: '50000', fundForDisabledPostsYuan: '15000' }, CLERK);
    const views = await welfarePosts(ctx, { year: 2024 });
    const city = views[0]!;
    assert.equal(city.county, '230300');
    assert.equal(city.check.postsMet, false);
    assert.equal(city.check.postsShortfall, 5);
    // 30 000 of 150 000 = exactly 20%, within the cap; 15 000 of 50 000 = 30%, over it.
    assert.equal(city.check.fundWithin, true);
    assert.equal(views.find((v) => v.county === '230381')!.check.fundWithin, false);
  });

  test('阳光家园 list: the intellectual grade-3 adult in, the physical grade-3 adult out; 特困 list the other way', async () => {
    const x = residentId('230302', '19900101', 1);
    const y = residentId('230302', '19900101', 3);
    await registerPerson(ctx, { residentId: x, name: '甲', county: '230302', cardNumber: card(x, 5, 3), household: 'none', householdFrom: '2020-01-01' }, CLERK);
    await registerPerson(ctx, { residentId: y, name: '乙', county: '230302', cardNumber: card(y, 4, 3), household: 'tekun', householdFrom: '2020-01-01' }, CLERK);
    const sunshine = await careList(ctx, { service: 'sunshine_home', on: '2024-06-30', limit: 10, offset: 0 }, { mask: false });
    assert.deepEqual(sunshine.items.map((p) => [p.residentId, p.age]), [[x, 34]]);
    const tekun = await careList(ctx, { service: 'tekun_care', on: '2024-06-30', limit: 10, offset: 0 }, { mask: true });
    assert.deepEqual(tekun.items.map((p) => p.name), ['*']);
    assert.equal(tekun.total, 1);
  });
});
