/**
 * CAP 1.2 messages of a warning (D3 3.4: published through the city's
 * warning platform): an Alert on publication, an Update on a change of
 * level, a Cancel on termination, each naming the earlier ones in
 * <references>. Identifiers follow GB/T 35965.1: the issuing unit's code
 * ZZZZZZDDDUUUXX, the Beijing time YYYYMMDDhhmmss and a sequence digit.
 */
import { formatInstant } from './clock.ts';
import { countyName } from './counties.ts';
import type { CapMessage } from './warningStates.ts';
import type { Level } from './types.ts';

export const CAP_RULE = 'd3.art3_4.cap_export';
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export interface CapLevel {
  severity: 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';
  colour: string;
  colour_zh: string;
  urgency: 'Immediate' | 'Expected' | 'Future' | 'Past' | 'Unknown';
  certainty: 'Observed' | 'Likely' | 'Possible' | 'Unlikely' | 'Unknown';
  response: 'Shelter' | 'Evacuate' | 'Prepare' | 'Execute' | 'Avoid' | 'Monitor' | 'Assess' | 'AllClear' | 'None';
}

export interface CapSettings {
  senderCode: string;
  senderName: string;
  levels: Record<Level, CapLevel>;
  measures: Record<Level, string>;
}

export interface CapWarning {
  id: string;
  title: string;
  description: string;
  items: { id: string; name: string }[];
  areas: string[];
  contact?: string;
}

export interface CapReference {
  identifier: string;
  sent: number;
}

export interface CapEvent {
  identifier: string;
  sent: number;
  msgType: CapMessage;
  level: Level;
  note: string;
  /** Earlier messages of the same warning, oldest first. */
  references: CapReference[];
}

const LEVEL_WORDS: Record<Level, string> = { 3: '三级', 2: '二级', 1: '一级' };

/** GB/T 35965.1 identifier: <code>_<YYYYMMDDhhmmss Beijing>_<N>. */
export function capIdentifier(senderCode: string, sent: number, sequence: number): string {
  const stamp = formatInstant(sent).slice(0, 19).replace(/[-T:]/g, '');
  return `${senderCode}_${stamp}_${sequence}`;
}

export function isCapIdentifier(text: string): boolean {
  return /^\d{14}_\d{14}_\d$/.test(text);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function element(name: string, value: string, indent: string): string {
  return `${indent}<${name}>${escape(value)}</${name}>`;
}

function pair(name: string, valueName: string, value: string, indent: string): string {
  return `${indent}<${name}>\n${element('valueName', valueName, `${indent}  `)}\n${element('value', value, `${indent}  `)}\n${indent}</${name}>`;
}

export function capXml(warning: CapWarning, event: CapEvent, settings: CapSettings): string {
  const level = settings.levels[event.level];
  const cancel = event.msgType === 'Cancel';
  const sent = formatInstant(event.sent);
  const headline = cancel
    ? `鸡西市解除市场价格异常波动${LEVEL_WORDS[event.level]}预警`
    : `鸡西市发布市场价格异常波动${LEVEL_WORDS[event.level]}（${level.colour_zh}）预警`;
  const items = warning.items.map((i) => i.name).join('、');
  const areas = warning.areas.length > 0 ? warning.areas.map(countyName).join('、') : '全市';
  const description = [warning.description || warning.title, items ? `涉及品种：${items}。` : '', `涉及区域：${areas}。`, event.note].filter(Boolean).join('\n');
  const i2 = '    ';
  const i3 = '      ';

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${CAP_NAMESPACE}">`,
    element('identifier', event.identifier, '  '),
    element('sender', settings.senderCode, '  '),
    element('sent', sent, '  '),
    element('status', 'Actual', '  '),
    element('msgType', event.msgType, '  '),
    element('scope', 'Public', '  '),
    element('code', 'GB/T 35965.1', '  '),
    ...(event.references.length > 0
      ? [element('references', event.references.map((r) => `${settings.senderCode},${r.identifier},${formatInstant(r.sent)}`).join(' '), '  ')]
      : []),
    element('incidents', warning.id, '  '),
    '  <info>',
    element('language', 'zh-CN', i2),
    element('category', 'Other', i2),
    element('event', '市场价格异常波动', i2),
    element('responseType', cancel ? 'AllClear' : level.response, i2),
    element('urgency', cancel ? 'Past' : level.urgency, i2),
    element('severity', level.severity, i2),
    element('certainty', level.certainty, i2),
    pair('eventCode', 'D3-level', String(event.level), i2),
    element('effective', sent, i2),
    element('senderName', settings.senderName, i2),
    element('headline', headline, i2),
    element('description', description, i2),
    ...(cancel ? [] : [element('instruction', settings.measures[event.level], i2)]),
    ...(warning.contact ? [element('contact', warning.contact, i2)] : []),
    pair('parameter', 'colour', level.colour, i2),
    pair('parameter', 'level', `${LEVEL_WORDS[event.level]}（${level.colour_zh}）`, i2),
    `${i2}<area>`,
    element('areaDesc', areas, i3),
    ...(warning.areas.length > 0
      ? warning.areas.map((c) => pair('geocode', 'GB/T 2260', c, i3))
      : [pair('geocode', 'GB/T 2260', '230300', i3)]),
    `${i2}</area>`,
    '  </info>',
    '</alert>',
    '',
  ];
  return lines.join('\n');
}
