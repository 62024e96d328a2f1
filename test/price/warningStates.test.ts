/** D3 3.4–3.6: which step may follow which, what a level needs, who must act. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { transition } from '../../src/price/rules/warningStates.ts';

const province = { number: '黑政办发〔2022〕99号', title: '二级预警', date: '2022-09-17', issuer: '黑龙江省人民政府' };

test('art3_4(2): a level-3 proposal needs a detection or a stated reason', () => {
  assert.equal(transition(null, { action: 'propose', level: 3 }).ok, false);
  assert.deepEqual(transition(null, { action: 'propose', level: 3, detectionId: 'd1' }), { ok: true, to: 'proposed', level: 3, authorityLevel: 3, cap: null });
});

test('art3_4(1): levels 2 and 1 only with the province document (文号, issuer, date)', () => {
  const without = transition(null, { action: 'propose', level: 2, note: '省里通知' });
  assert.equal(without.ok, false);
  assert.equal(!without.ok && without.code, 'ERR_PRICE_DOCUMENT_REQUIRED');
  assert.equal(transition(null, { action: 'propose', level: 1, document: { ...province, number: ' ' } }).ok, false);
  assert.equal(transition(null, { action: 'propose', level: 1, document: province }).ok, true);
});

test('art3_4: proposed → approved → published (CAP Alert); no skipping, no going back', () => {
  const proposed = { state: 'proposed' as const, level: 3 as const };
  assert.equal(transition(proposed, { action: 'publish' }).ok, false);
  assert.deepEqual(transition(proposed, { action: 'approve' }), { ok: true, to: 'approved', level: 3, authorityLevel: 3, cap: null });
  assert.deepEqual(transition(proposed, { action: 'reject' }), { ok: true, to: 'rejected', level: 3, authorityLevel: 3, cap: null });
  assert.deepEqual(transition({ state: 'approved', level: 3 }, { action: 'publish' }), { ok: true, to: 'published', level: 3, authorityLevel: 3, cap: 'Alert' });
  assert.equal(transition({ state: 'rejected', level: 3 }, { action: 'approve' }).ok, false);
  assert.equal(transition({ state: 'terminated', level: 3 }, { action: 'terminate' }).ok, false);
});

test('art3_4 change of level: CAP Update; the more severe level decides who approves; 2 and 1 need the document', () => {
  const published3 = { state: 'published' as const, level: 3 as const };
  assert.equal(transition(published3, { action: 'change_level', level: 3 }).ok, false, 'same level is no change');
  assert.equal(transition(published3, { action: 'change_level', level: 2 }).ok, false, 'upgrade to 2 follows the province');
  assert.deepEqual(transition(published3, { action: 'change_level', level: 2, document: province }), { ok: true, to: 'published', level: 2, authorityLevel: 2, cap: 'Update' });
  // Downgrade 1 → 2: the level-1 approver acts, on the province's document.
  assert.deepEqual(transition({ state: 'published', level: 1 }, { action: 'change_level', level: 2, document: province }), { ok: true, to: 'published', level: 2, authorityLevel: 1, cap: 'Update' });
});

test('art3_6: level 3 ends on the city decision; levels 2 and 1 when the province lifts them (CAP Cancel)', () => {
  assert.deepEqual(transition({ state: 'published', level: 3 }, { action: 'terminate' }), { ok: true, to: 'terminated', level: 3, authorityLevel: 3, cap: 'Cancel' });
  assert.equal(transition({ state: 'published', level: 2 }, { action: 'terminate' }).ok, false);
  assert.equal(transition({ state: 'published', level: 2 }, { action: 'terminate', document: province }).ok, true);
});
