import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { errorsMarkdown } from '../../src/errorCatalog.ts';

test('docs/errors.md matches the error catalog (run `npm run docs:errors`)', () => {
  assert.equal(readFileSync('docs/errors.md', 'utf8'), errorsMarkdown());
});
