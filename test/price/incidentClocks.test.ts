/** D3 4.1(1): the reporting clocks from the moment of discovery. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadParams } from '../../src/platform/context.ts';
import { parseInstant } from '../../src/price/rules/clock.ts';
import { incidentClocks, missingContent } from '../../src/price/rules/incidentClocks.ts';
import { clockSettings } from '../../src/price/services/warningSettings.ts';

const loaded = clockSettings(loadParams(), '2022-09-15');
if (!loaded.ok) throw new Error(`missing ${loaded.missing.join(', ')}`);
const settings = loaded.settings;
const t = (text: string) => parseInstant(text)!;

test('parameters: 60, 20, 60, 30, 120 minutes; 重大 brief 60 and full 180; clocks run from receipt', () => {
  assert.deepEqual(settings, {
    monitorMinutes: 60, cityPhoneMinutes: 20, cityWrittenMinutes: 60, provincePhoneMinutes: 30,
    provinceWrittenMinutes: 120, provinceBriefMinutes: 60, provinceFullMinutes: 180, basis: 'receipt',
  });
});

test('art4_1(1) 重大: nothing reported yet — each deadline chained on the one before (as if reported on time)', () => {
  const clocks = incidentClocks(2, t('2022-09-15T09:00'), new Map(), t('2022-09-15T09:30'), settings);
  const rows = [...new Map(clocks.map((c) => [c.step, c.deadline?.slice(11, 16) ?? null])).entries()];
  // Monitor 10:00; the county at once (starts 10:00); phone to the city 10:20;
  // phone to the province 10:50, brief writing 11:20, full writing 13:20.
  assert.deepEqual(rows, [
    ['monitor_to_county', '10:00'], ['county_to_city', null], ['phone_city_duty', '10:20'],
    ['phone_province', '10:50'], ['brief_province', '11:20'], ['full_province', '13:20'], ['circular_province_price', null],
  ]);
  assert.ok(clocks.every((c) => c.status === 'pending'));
});

test('art4_1(1): an early report moves the next clocks; planned basis does not', () => {
  const done = new Map([['monitor_to_county|monitor', t('2022-09-15T09:10')], ['county_to_city|county_price', t('2022-09-15T09:15')]]);
  const phone = (basis: 'receipt' | 'planned') =>
    incidentClocks(3, t('2022-09-15T09:00'), done, t('2022-09-15T09:20'), { ...settings, basis }).find((c) => c.step === 'phone_city_duty')!.deadline;
  assert.equal(phone('receipt'), '2022-09-15T09:35:00+08:00');
  assert.equal(phone('planned'), '2022-09-15T10:20:00+08:00');
});

test('art4_1(2): the contents a report lacks, by name', () => {
  assert.deepEqual(missingContent({ place: '鸡冠区', source: '12315', nature: ' ' }), ['事件性质', '影响范围', '事件发展趋势', '已经采取的措施']);
});
