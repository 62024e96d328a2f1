import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { checkManifest, loadArticleManifest } from '../../src/core/params/articles.ts';
import { creditRules } from '../../src/credit/rules/index.ts';
import { ROOT } from './examples.ts';

describe('D2 article manifest', () => {
  test('every part of D2 maps to rules or a reason, and every rule to a part', () => {
    const manifest = loadArticleManifest(join(ROOT, 'params', 'd2-credit', 'articles.yaml'));
    assert.equal(manifest.document, 'D2');
    assert.deepEqual(checkManifest(manifest, creditRules), []);
  });

  test('rule ids carry their article', () => {
    for (const rule of creditRules) assert.match(rule.id, /^d2\.(part\d(_\d)*|appendix)\./, rule.id);
  });
});
