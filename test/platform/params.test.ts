import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loadParams } from '../../src/platform/context.ts';

describe('parameter files', () => {
  test('every parameter file loads, cites a known document and an article', () => {
    const registry = loadParams();
    for (const definition of registry.list()) {
      assert.ok(registry.documents.has(definition.citation.document), definition.id);
      assert.ok(definition.citation.article.length > 0, definition.id);
      assert.ok(definition.versions.length > 0, definition.id);
    }
  });
});
