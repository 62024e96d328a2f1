import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { checkManifest, loadArticleManifest } from '../../src/core/params/articles.ts';
import { disabilityModule } from '../../src/disability/module.ts';
import { disabilityRules } from '../../src/disability/rules/index.ts';
import { ROOT } from '../../src/platform/context.ts';

const FILE = join(ROOT, 'params', 'd1-disability', 'articles.yaml');

test('D1 article manifest and the declared rules, in sync', () => {
  const manifest = loadArticleManifest(FILE);
  assert.equal(manifest.document, 'D1');
  assert.deepEqual(checkManifest(manifest, disabilityRules), []);
});

test('D1 manifest, every part of the plan present once', () => {
  const articles = loadArticleManifest(FILE).articles.map((a) => a.article);
  assert.equal(new Set(articles).size, articles.length, 'an article is listed twice');
  // The plan's points as the bulletin numbers them (lines ~54–398).
  const expected = [
    ...['一', '二(一)', '二(二)', '二(三)', '四', '四(一)', '四(二)', '四(三)'],
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `三(一)${n}`),
    ...[1, 2, 3, 4, 5].map((n) => `三(二)${n}`),
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `三(三)${n}`),
    ...[1, 2].map((n) => `三(四)${n}`),
    ...[1, 2].map((n) => `三(五)${n}`),
    ...[1, 2, 3, 4, 5, 6].map((n) => `三(六)${n}`),
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => `专栏1 ${n}`),
    ...['一1', '一2', '一3', '一4', '一5', '二1', '二2', '二3', '二4', '二5'].map((n) => `专栏2 ${n}`),
    ...['一1', '一2', '一3', '一4', '一5', '二1', '二2'].map((n) => `专栏3 ${n}`),
    ...[1, 2, 3, 4, 5, 6, 7].map((n) => `专栏4 ${n}`),
    ...[1, 2, 3, 4, 5, 6].map((n) => `专栏5 ${n}`),
    ...[1, 2, 3, 4, 5, 6].map((n) => `专栏6 ${n}`),
    ...['一1', '一2', '一3', '一4', '一5', '二1', '二2'].map((n) => `专栏7 ${n}`),
    ...[1, 2, 3, 4].map((n) => `专栏8 ${n}`),
    ...['一1', '一2', '一3', '一4', '二1', '二2', '二3', '二4', '三'].map((n) => `专栏9 ${n}`),
    ...[1, 2, 3, 4, 5, 6, 7].map((n) => `专栏10 ${n}`),
  ].map((a) => `D1 ${a}`);
  const missing = expected.filter((a) => !articles.includes(a));
  assert.deepEqual(missing, []);
});

test('the module declares the same rules and the manifest', () => {
  assert.deepEqual(disabilityModule.rules, disabilityRules);
  assert.deepEqual(disabilityModule.manifests, ['params/d1-disability/articles.yaml']);
});
