/**
 * The web client's types are generated from the OpenAPI document, never
 * written by hand (issue 3): the committed web/src/api/schema.d.ts must be
 * exactly what `npm run gen:api` writes from the routes as they are.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { ROOT } from '../../src/platform/context.ts';
import { generateSchema } from '../../scripts/gen-api.ts';

test('web/src/api/schema.d.ts matches the OpenAPI document (run `npm run gen:api`)', async () => {
  const committed = readFileSync(join(ROOT, 'web', 'src', 'api', 'schema.d.ts'), 'utf8');
  const generated = await generateSchema();
  assert.ok(generated.includes('"/api/medical/claims"'), 'the document holds the settlement route');
  assert.equal(committed === generated, true, 'schema.d.ts is stale: run `npm run gen:api` and commit it');
});
