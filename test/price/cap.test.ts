/**
 * CAP 1.2 export of a warning (D3 3.4), validated against the CAP 1.2
 * schema with xmllint: an Alert on publication, an Update on a change of
 * level, a Cancel on termination, each naming the earlier messages; GB/T
 * 35965.1-style identifiers; level 3 Moderate/yellow, 2 Severe/orange,
 * 1 Extreme/red.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadParams } from '../../src/platform/context.ts';
import { capIdentifier, capXml, isCapIdentifier, type CapEvent } from '../../src/price/rules/cap.ts';
import { parseInstant } from '../../src/price/rules/clock.ts';
import { capSettings } from '../../src/price/services/warningSettings.ts';
import { assertValidCap, capSchemaErrors } from './capSchema.ts';

const loaded = capSettings(loadParams(), '2022-09-15');
if (!loaded.ok) throw new Error(`cap parameters missing: ${loaded.missing.join(', ')}`);
const settings = loaded.settings;

const warning = {
  id: 'w-1', title: '粳米价格异常上涨', description: '粳米旬环比上涨2.00%',
  items: [{ id: 'rice', name: '粳米' }], areas: ['230302', '230321'],
};

function element(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);
}

test('identifier: the issuing unit code 23030000000000, Beijing time, sequence digit', () => {
  // 2022-09-15 03:00 UTC is 11:00 in Beijing.
  const id = capIdentifier(settings.senderCode, Date.parse('2022-09-15T03:00:00Z'), 1);
  assert.equal(id, '23030000000000_20220915110000_1');
  assert.ok(isCapIdentifier(id));
  assert.ok(!isCapIdentifier('230300_20220915110000_1'));
});

test('level 3 Alert, level 2 Update, Cancel: valid CAP 1.2, severities and colours per level', async () => {
  const alertAt = parseInstant('2022-09-15T11:00')!;
  const updateAt = parseInstant('2022-09-17T10:00')!;
  const cancelAt = parseInstant('2022-09-20T10:00')!;
  const alert: CapEvent = { identifier: capIdentifier(settings.senderCode, alertAt, 1), sent: alertAt, msgType: 'Alert', level: 3, note: '', references: [] };
  const update: CapEvent = { identifier: capIdentifier(settings.senderCode, updateAt, 1), sent: updateAt, msgType: 'Update', level: 2, note: '预警级别调整为二级', references: [{ identifier: alert.identifier, sent: alertAt }] };
  const cancel: CapEvent = {
    identifier: capIdentifier(settings.senderCode, cancelAt, 1), sent: cancelAt, msgType: 'Cancel', level: 2, note: '预警响应终止',
    references: [{ identifier: alert.identifier, sent: alertAt }, { identifier: update.identifier, sent: updateAt }],
  };

  const alertXml = capXml(warning, alert, settings);
  await assertValidCap(alertXml);
  assert.deepEqual(element(alertXml, 'msgType'), ['Alert']);
  assert.deepEqual(element(alertXml, 'severity'), ['Moderate']);
  assert.deepEqual(element(alertXml, 'sent'), ['2022-09-15T11:00:00+08:00']);
  assert.ok(alertXml.includes('<value>yellow</value>'));
  assert.deepEqual(element(alertXml, 'areaDesc'), ['鸡冠区、鸡东县']);
  assert.deepEqual(element(alertXml, 'references'), []);

  const updateXml = capXml(warning, update, settings);
  await assertValidCap(updateXml);
  assert.deepEqual(element(updateXml, 'severity'), ['Severe']);
  assert.ok(updateXml.includes('<value>orange</value>'));
  assert.deepEqual(element(updateXml, 'references'), ['23030000000000,23030000000000_20220915110000_1,2022-09-15T11:00:00+08:00']);

  const cancelXml = capXml(warning, cancel, settings);
  await assertValidCap(cancelXml);
  assert.deepEqual(element(cancelXml, 'msgType'), ['Cancel']);
  assert.deepEqual(element(cancelXml, 'urgency'), ['Past']);
  assert.deepEqual(element(cancelXml, 'responseType'), ['AllClear']);
  assert.equal(element(cancelXml, 'references')[0]!.split(' ').length, 2);
  assert.deepEqual(element(cancelXml, 'instruction'), []);
});

test('level 1 is Extreme and red; the whole city when no county is named; text escaped', async () => {
  const at = parseInstant('2022-10-01T08:30')!;
  const xml = capXml({ ...warning, areas: [], description: '“<猪肉>” & 鸡蛋' }, { identifier: capIdentifier(settings.senderCode, at, 2), sent: at, msgType: 'Alert', level: 1, note: '', references: [] }, settings);
  await assertValidCap(xml);
  assert.deepEqual(element(xml, 'severity'), ['Extreme']);
  assert.ok(xml.includes('<value>red</value>'));
  assert.deepEqual(element(xml, 'areaDesc'), ['全市']);
  assert.ok(xml.includes('<value>230300</value>'));
  assert.ok(xml.includes('&lt;猪肉&gt;” &amp; 鸡蛋'));
});

test('a broken message fails the schema (the check has teeth)', async () => {
  const at = parseInstant('2022-09-15T11:00')!;
  const xml = capXml(warning, { identifier: 'x', sent: at, msgType: 'Alert', level: 3, note: '', references: [] }, settings).replace('<severity>Moderate</severity>', '<severity>Yellow</severity>');
  assert.notDeepEqual(await capSchemaErrors(xml, 'bad.xml'), []);
});
