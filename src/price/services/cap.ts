/**
 * The CAP 1.2 messages of a warning (D3 3.4): one per publication, change
 * of level and termination, each referencing those before it. The
 * identifier was fixed when the step was stored; the XML is rebuilt from
 * the stored steps with the parameters in force on the day of each.
 */
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { CAP_RULE, capXml, type CapEvent, type CapReference } from '../rules/cap.ts';
import { beijingDate, parseInstant } from '../rules/clock.ts';
import { LEVEL_LABELS } from '../rules/types.ts';
import type { CapMessage } from '../rules/warningStates.ts';
import { required, capSettings } from './warningSettings.ts';
import { getWarning, type WarningEvent } from './warnings.ts';

const MESSAGE_OF: Partial<Record<WarningEvent['action'], CapMessage>> = { publish: 'Alert', change_level: 'Update', terminate: 'Cancel' };

export interface CapEntry {
  seq: number;
  identifier: string;
  msgType: CapMessage;
  sent: string;
  level: number;
  xml: string;
}

function noteOf(e: WarningEvent): string {
  const basis = e.document ? `依据${e.document.issuer}${e.document.number}。` : '';
  if (e.action === 'change_level') return `预警级别由${LEVEL_LABELS[e.fromLevel!]}调整为${LEVEL_LABELS[e.toLevel]}。${basis}${e.note}`;
  if (e.action === 'terminate') return `预警响应终止。${basis}${e.note}`;
  return `${basis}${e.note}`;
}

export async function capMessages(ctx: PlatformContext, id: string): Promise<CapEntry[]> {
  const warning = await getWarning(ctx, id);
  if (!warning) fail('ERR_CORE_NOT_FOUND', { details: { warning: id } });

  const entries: CapEntry[] = [];
  const earlier: CapReference[] = [];
  for (const e of warning.events) {
    const msgType = MESSAGE_OF[e.action];
    if (!msgType || !e.capIdentifier) continue;

    const sent = parseInstant(e.at)!;
    const settings = required(capSettings(ctx.params, beijingDate(sent)));
    const event: CapEvent = { identifier: e.capIdentifier, sent, msgType, level: e.toLevel, note: noteOf(e), references: [...earlier] };
    const xml = capXml({ id: warning.id, title: warning.title, description: warning.description, items: warning.items, areas: warning.areas }, event, settings);
    entries.push({ seq: e.seq, identifier: e.capIdentifier, msgType, sent: e.at, level: e.toLevel, xml });
    earlier.push({ identifier: e.capIdentifier, sent });
  }
  ctx.logger.debug({ rule: CAP_RULE, article: 'D3 3.4', warning: id, messages: entries.length }, 'cap messages built');
  return entries;
}
