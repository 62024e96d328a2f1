import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { checkManifest, loadArticleManifest } from '../../src/core/params/articles.ts';
import { loadParams } from '../../src/platform/context.ts';
import { modules } from '../../src/platform/modules.ts';
import { priceRules } from '../../src/price/rules/declarations.ts';
import { ROOT } from '../../src/platform/context.ts';

const manifest = () => loadArticleManifest(join(ROOT, 'params', 'd3-price', 'articles.yaml'));

describe('D3 article manifest', () => {
  test('every section of D3 maps to rules or a reason, and every rule to a section', () => {
    const manifest = loadArticleManifest(join(ROOT, 'params', 'd3-price', 'articles.yaml'));
    assert.equal(manifest.document, 'D3');
    assert.deepEqual(checkManifest(manifest, priceRules), []);
  });

  test('every price parameter cites a section of the manifest', () => {
    const sections = new Set(manifest().articles.map((a) => a.article));
    const stray = loadParams().list()
      .filter((p) => p.id.startsWith('price.'))
      .flatMap((p) => [p.citation, ...p.versions.map((v) => v.citation)].map((c) => ({ id: p.id, article: c.article })))
      .filter((c) => !sections.has(c.article))
      .map((c) => `${c.id}: ${c.article}`);
    assert.deepEqual(stray, []);
  });

  test('the module exposes the manifest; rule ids carry their article', () => {
    const price = modules.find((m) => m.name === 'price')!;
    assert.deepEqual([...price.manifests], ['params/d3-price/articles.yaml']);
    for (const rule of priceRules) assert.match(rule.id, /^d3\.art\d+(_\d+)*\./, rule.id);
  });
});
