import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { checkNewApplication, nextStatus } from '../../src/disability/rules/application.ts';

describe('d1.s3_1_5.application (D1 三(一)5, 专栏2 一2)', () => {
  test('received, then reviewed, then approved: each step allowed', () => {
    const reviewed = nextStatus({ status: 'received', lastEventOn: '2024-05-02' }, 'review', '2024-05-06');
    assert.deepEqual(reviewed, { ok: true, status: 'reviewed' });
    assert.deepEqual(nextStatus({ status: 'reviewed', lastEventOn: '2024-05-06' }, 'approve', '2024-05-08'), { ok: true, status: 'approved' });
    assert.deepEqual(nextStatus({ status: 'reviewed', lastEventOn: '2024-05-06' }, 'refuse', '2024-05-08'), { ok: true, status: 'refused' });
  });

  test('approve straight from received, refused: it must be reviewed first', () => {
    const r = nextStatus({ status: 'received', lastEventOn: '2024-05-02' }, 'approve', '2024-05-03');
    assert.equal(r.ok, false);
  });

  test('a step dated before the last one, refused', () => {
    const r = nextStatus({ status: 'received', lastEventOn: '2024-05-02' }, 'review', '2024-05-01');
    assert.equal(r.ok, false);
  });

  test('a refused application cannot be approved later', () => {
    assert.equal(nextStatus({ status: 'refused', lastEventOn: '2024-05-02' }, 'approve', '2024-05-03').ok, false);
  });

  test('跨省通办 without the accepting place, refused; with it, accepted', () => {
    assert.deepEqual(checkNewApplication({ channel: 'cross_province', receivedOn: '2024-05-02' }).map((p) => p.field), ['acceptedAt']);
    assert.deepEqual(checkNewApplication({ channel: 'cross_province', receivedOn: '2024-05-02', acceptedAt: '北京市' }), []);
  });
});
