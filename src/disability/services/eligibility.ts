/**
 * Both subsidies for one person on one day (D1 三(一)5), with the rule's
 * explanation: what a clerk sees before reviewing an application.
 */
import { isIsoDate, todayInBeijing, type IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { careParameters, sunshineHome, tekunCare, type CareAnswer } from '../rules/careServices.ts';
import { decideCare } from '../rules/careSubsidy.ts';
import { decideLiving } from '../rules/livingSubsidy.ts';
import { subsidyParameters, type SubsidyParameters } from '../rules/subsidyParameters.ts';
import type { Situation, SubsidyDecision } from '../rules/types.ts';
import { benefitsOf, householdsOf, type PersonRow } from '../storage/register.ts';
import { fail } from './fail.ts';
import { requirePerson } from './register.ts';
import { situationOf } from './situation.ts';

export function requireDate(on: string | undefined, field = 'on'): IsoDate {
  const date = on ?? todayInBeijing();
  if (!isIsoDate(date)) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field, value: on, reason: '日期应为 YYYY-MM-DD 格式的真实日期' }] });
  return date;
}

export function requireSubsidyParameters(params: ParamRegistry, county: string, on: IsoDate): SubsidyParameters {
  const resolved = subsidyParameters(params, county, on);
  if (!resolved.ok) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id: resolved.missing, on } });
  return resolved.value;
}

export async function situationOn(ctx: PlatformContext, person: PersonRow, on: IsoDate): Promise<Situation> {
  const [households, benefits] = await Promise.all([householdsOf(ctx.store.db, person.id), benefitsOf(ctx.store.db, person.id)]);
  return situationOf(person, households, benefits, on);
}

export interface EligibilityAnswer {
  on: IsoDate;
  living: SubsidyDecision;
  care: SubsidyDecision;
  /** Both amounts together, fen. */
  monthlyTotal: number;
}

export async function eligibility(ctx: PlatformContext, personId: string, on: IsoDate, explain = true): Promise<EligibilityAnswer> {
  const person = await requirePerson(ctx.store.db, personId);
  const situation = await situationOn(ctx, person, on);
  const params = requireSubsidyParameters(ctx.params, person.county, on);

  const living = decideLiving(situation, params, { explain });
  const care = decideCare(situation, params, { explain });
  const monthlyTotal = (living.outcome === 'eligible' ? living.amount : 0) + (care.outcome === 'eligible' ? care.amount : 0);
  return { on, living, care, monthlyTotal };
}

export async function careServices(ctx: PlatformContext, personId: string, on: IsoDate): Promise<{ on: IsoDate; sunshineHome: CareAnswer; tekunCare: CareAnswer }> {
  const person = await requirePerson(ctx.store.db, personId);
  const situation = await situationOn(ctx, person, on);
  const params = careParameters(ctx.params, on);
  if (!params) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id: 'disability.d1.s3_1_3.*', on } });

  const carePerson = { ...situation, birthDate: person.birth_date };
  return { on, sunshineHome: sunshineHome(carePerson, params, on), tekunCare: tekunCare(carePerson, params, on) };
}
