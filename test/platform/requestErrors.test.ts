/**
 * How the platform answers a malformed request: schema problems in Chinese
 * naming the field, a body over the limit refused with its own code, and a
 * huge value not echoed back whole.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { PlatformError, PROBLEM_VALUE_MAX } from '../../src/core/errors.ts';
import { coreErrors } from '../../src/core/errors.ts';
import type { PlatformContext } from '../../src/platform/context.ts';
import { buildApp, JSON_BODY_LIMIT } from '../../src/server/app.ts';
import { openTestContext } from '../helpers/db.ts';

describe('answers to malformed requests', () => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  const headers = { 'x-role': 'medical_office' };

  before(async () => {
    ctx = await openTestContext('sqlite');
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: false } });
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  test('a missing field: 400 with the field and a Chinese reason', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/medical/claims/C-1/reversal', headers, payload: {} });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.code, 'ERR_CORE_INVALID_INPUT');
    assert.equal(body.problems[0].field, 'body/reason');
    assert.match(body.problems[0].reason, /必需属性/);
  });

  test('a body over the limit: 413 ERR_CORE_BODY_TOO_LARGE, in Chinese', async () => {
    const payload = JSON.stringify({ reason: 'x'.repeat(JSON_BODY_LIMIT) });
    const res = await app.inject({ method: 'POST', url: '/api/medical/claims/C-1/reversal', headers: { ...headers, 'content-type': 'application/json' }, payload });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().code, 'ERR_CORE_BODY_TOO_LARGE');
    assert.equal(res.json().message, coreErrors.ERR_CORE_BODY_TOO_LARGE.message);
  });

  test('a problem value longer than the limit is cut, with its length said', () => {
    const error = new PlatformError('ERR_CORE_INVALID_INPUT', coreErrors.ERR_CORE_INVALID_INPUT, {
      problems: [{ row: 2, field: '姓名', value: '张'.repeat(50_000), reason: '过长' }, { row: 3, field: '备注', value: '短', reason: '其他' }],
    });
    const [long, short] = error.toJSON().problems!;
    assert.equal(long!.value, `${'张'.repeat(PROBLEM_VALUE_MAX)}…（共 50000 个字符）`);
    assert.equal(short!.value, '短');
  });
});
