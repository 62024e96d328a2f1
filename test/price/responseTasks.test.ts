/**
 * D3 3.5.1–3.5.3 ①②③, 3.1.3(2), 3.2.2 and 5.3: the tasks a warning
 * requires, with the parameters in force in 2022.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isWorkingDay } from '../../src/core/calendar.ts';
import { loadParams } from '../../src/platform/context.ts';
import { parseInstant } from '../../src/price/rules/clock.ts';
import { responseTasks, type ResponseSettings, type WarningForTasks } from '../../src/price/rules/responseTasks.ts';
import { responseSettings } from '../../src/price/services/warningSettings.ts';

const loaded = responseSettings(loadParams(), '2022-09-15');
if (!loaded.ok) throw new Error(`missing ${loaded.missing.join(', ')}`);
const settings: ResponseSettings = loaded.settings;
const t = (text: string) => parseInstant(text)!;
const holiday = (date: string) => !isWorkingDay(date);

function warning(over: Partial<WarningForTasks> = {}): WarningForTasks {
  return { id: 'w', spans: [{ level: 3, from: t('2022-09-15T11:00') }], areas: ['230302'], related: ['230321'], units: ['ndrc'], terminatedAt: null, ...over };
}

test('parameters of 2022: weekly round at 3, daily at 2 and 1; affected counties daily before 12:00; calendar days after the event', () => {
  assert.deepEqual(settings.rounds, { 1: { every: 'day', aroundClock: true }, 2: { every: 'day', aroundClock: false }, 3: { every: 'week', aroundClock: false } });
  assert.equal(settings.dailyReportTime, '12:00');
  assert.equal(settings.affectedDailyAllLevels, true);
  assert.deepEqual(settings.duty, { monitor: 1, technical: 1 });
  assert.deepEqual([settings.summaryDays, settings.evaluationDays, settings.dayBasis], [10, 20, 'calendar']);
});

test('art3_5_1: level 3, published Thursday 11:00 — one weekly round, weekly report of the related county, daily noon report of the affected one', () => {
  const tasks = responseTasks(warning(), t('2022-09-15T23:00'), settings, new Map(), [], holiday);
  assert.deepEqual(tasks.map((x) => [x.kind, x.owner, x.due, x.article]), [
    ['duty_roster', 'office', '2022-09-15T11:00:00+08:00', 'D3 3.5.1(3)②'],
    ['county_report', 'county:230302', '2022-09-15T12:00:00+08:00', 'D3 3.1.3(2)'],
    ['county_report', 'county:230321', '2022-09-19T00:00:00+08:00', 'D3 3.5.1(3)③'],
    ['monitoring_round', 'ndrc', '2022-09-19T00:00:00+08:00', 'D3 3.5.1(3)①'],
  ]);
});

test('art3_1_3(2): published after noon, the first noon report is owed the next day', () => {
  const tasks = responseTasks(warning({ spans: [{ level: 3, from: t('2022-09-15T14:00') }], related: [] }), t('2022-09-16T13:00'), settings, new Map(), [], holiday);
  assert.deepEqual(tasks.filter((x) => x.kind === 'county_report').map((x) => x.due), ['2022-09-16T12:00:00+08:00']);
});

test('art3_5_2(3)③: at level 2 the related counties report daily before 12:00 as well', () => {
  const tasks = responseTasks(warning({ spans: [{ level: 2, from: t('2022-09-15T08:00') }] }), t('2022-09-15T23:00'), settings, new Map(), [], holiday);
  assert.deepEqual(tasks.filter((x) => x.kind !== 'duty_roster').map((x) => [x.kind, x.owner, x.due]), [
    ['county_report', 'county:230302', '2022-09-15T12:00:00+08:00'],
    ['county_report', 'county:230321', '2022-09-15T12:00:00+08:00'],
    ['monitoring_round', 'ndrc', '2022-09-16T00:00:00+08:00'],
  ]);
});

test('art3_5_3(3)③: at level 1 the related counties report at any time (no schedule); the round is watched around the clock', () => {
  const tasks = responseTasks(warning({ spans: [{ level: 1, from: t('2022-09-15T08:00') }] }), t('2022-09-15T23:00'), settings, new Map(), [], holiday);
  assert.ok(!tasks.some((x) => x.owner === 'county:230321'));
  assert.match(tasks.find((x) => x.kind === 'monitoring_round')!.title, /24小时监控/);
});

test('art3_5_3(3)② and 3.2.2: on a holiday at level 1 only full-day duty counts', () => {
  // 2022-10-01 (国庆) is a holiday; one monitor full-day, the technician not.
  const spans = [{ level: 1 as const, from: t('2022-09-30T08:00') }];
  const entries = [
    { date: '2022-10-01', kind: 'monitor' as const, fullDay: true, enteredAt: t('2022-09-30T10:00') },
    { date: '2022-10-01', kind: 'technical' as const, fullDay: false, enteredAt: t('2022-09-30T10:00') },
  ];
  const roster = responseTasks(warning({ spans }), t('2022-10-01T09:00'), settings, new Map(), entries, holiday).find((x) => x.key === 'w|duty|2022-10-01')!;
  assert.equal(roster.status, 'overdue');
  assert.deepEqual(roster.missing, ['技术保障人员 1 名（全天）']);
  // The same entries on a working day at level 3 meet the roster.
  const ordinary = responseTasks(warning({ spans: [{ level: 3, from: t('2022-09-30T08:00') }] }), t('2022-10-01T09:00'), settings, new Map(), entries, () => false)
    .find((x) => x.key === 'w|duty|2022-10-01')!;
  assert.equal(ordinary.status, 'met');
});

test('art5_3: summaries within 10 days, the evaluation within 20, of termination on 2022-09-20', () => {
  const ended = warning({ terminatedAt: t('2022-09-20T10:00'), units: ['ndrc', 'samr'] });
  const after = (s: ResponseSettings) => responseTasks(ended, t('2022-09-21T09:00'), s, new Map(), [], holiday)
    .filter((x) => x.kind === 'summary' || x.kind === 'evaluation').map((x) => [x.kind, x.owner, x.periodEnd, x.due]);
  // Calendar days: 09-30 and 10-10, due at the end of those days.
  assert.deepEqual(after(settings), [
    ['summary', 'ndrc', '2022-09-30', '2022-10-01T00:00:00+08:00'],
    ['summary', 'samr', '2022-09-30', '2022-10-01T00:00:00+08:00'],
    ['evaluation', 'office', '2022-10-10', '2022-10-11T00:00:00+08:00'],
  ]);
  // Working days (the other reading): 21–23, 26–30 are 8; 1–7 October is
  // the National Day holiday; Saturday 8 and Sunday 9 October 2022 were
  // make-up working days, so the 10th working day is 10-09. The 20th:
  // 10-10 … 10-14 (5, total 15), 10-17 … 10-21 (20) → 10-21.
  assert.deepEqual(after({ ...settings, dayBasis: 'working' }).map((r) => r[2]), ['2022-10-09', '2022-10-09', '2022-10-21']);
});

test('tasks stop at termination; a report done after its due time is late', () => {
  const done = new Map([['w|report|230302|2022-09-15', t('2022-09-15T12:01')]]);
  const tasks = responseTasks(warning({ terminatedAt: t('2022-09-16T10:00'), related: [] }), t('2022-09-17T10:00'), settings, done, [], holiday);
  const reports = tasks.filter((x) => x.kind === 'county_report');
  assert.deepEqual(reports.map((x) => [x.periodStart, x.status, x.late]), [['2022-09-15', 'late', true]]);
});
