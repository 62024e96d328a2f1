/**
 * The article manifests of D4 and D5 against the rules declared in code:
 * every article of each document is listed, every listed rule exists and
 * cites the article, every rule is listed.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { checkManifest, loadArticleManifest } from '../../../src/core/params/articles.ts';
import { medicalModule } from '../../../src/medical/module.ts';
import { MEDICAL_MANIFESTS, medicalRules } from '../../../src/medical/rules/index.ts';
import { ROOT } from './registry.ts';

const ARTICLE_COUNT: Record<string, number> = { D4: 21, D5: 17 };

describe('medical article manifests', () => {
  test('the module exposes both manifests and every rule', () => {
    assert.deepEqual([...medicalModule.manifests], [...MEDICAL_MANIFESTS]);
    assert.equal(medicalModule.rules.length, medicalRules.length);
  });

  test('rule ids are unique and carry an article', () => {
    const ids = medicalRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^d[45]\.art\d+(_\d+)?\.[a-z_]+$/);
  });

  for (const file of MEDICAL_MANIFESTS) {
    const manifest = loadArticleManifest(join(ROOT, file));

    test(`${manifest.document}: manifest and rules agree`, () => {
      const prefix = `${manifest.document.toLowerCase()}.`;
      const problems = checkManifest(manifest, medicalRules.filter((r) => r.id.startsWith(prefix)));
      assert.deepEqual(problems, []);
    });

    test(`${manifest.document}: every article 第一条…第${ARTICLE_COUNT[manifest.document]}条 is accounted for`, () => {
      for (let n = 1; n <= ARTICLE_COUNT[manifest.document]!; n += 1) {
        const address = `${manifest.document} §${n}`;
        const entries = manifest.articles.filter((a) => a.article === address || a.article.startsWith(`${address}(`));
        assert.ok(entries.length > 0, `${address} is missing`);
      }
      assert.ok(
        manifest.articles.every((a) => Number(/§(\d+)/.exec(a.article)?.[1]) <= ARTICLE_COUNT[manifest.document]!),
        'no article beyond the last',
      );
    });
  }
});
