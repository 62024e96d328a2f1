/**
 * A batch of claims settled in date order (ties in input order), each
 * person's state carried from claim to claim, with the push list (D4 §13)
 * and watch list (D4 §12) of the persons who crossed their thresholds in
 * the batch. Settling a year in several batches, carrying the states
 * (merge each result's `states` into the map passed to the next), gives
 * the same bills as one batch.
 */
import { PlatformError } from '../../core/errors.ts';
import { medicalErrors } from '../errors.ts';
import { initialState } from './accumulators.ts';
import { pushCrossed } from './d4/art13.push_list.ts';
import { watchEntries } from './d4/art12.watch_list.ts';
import type { MedicalParams } from './params.ts';
import { settleClaim, type SettleOptions } from './settleClaim.ts';
import type {
  BatchResult,
  Bill,
  Claim,
  Person,
  PersonState,
  PushListEntry,
  WatchListEntry,
} from './types.ts';

export interface BatchOptions extends SettleOptions {
  /** Opening states by person id (not modified); absent: empty account, no totals. */
  states?: ReadonlyMap<string, PersonState>;
}

/**
 * `persons` as a list, or already indexed by id (cheaper when the same
 * persons are settled in many batches).
 */
export function settleBatch(
  persons: readonly Person[] | ReadonlyMap<string, Person>,
  claims: readonly Claim[],
  params: MedicalParams,
  options: BatchOptions = {},
): BatchResult {
  const byId = isIndexed(persons) ? persons : indexById(persons);
  // Each person's state is copied from the opening one at their first claim
  // and updated claim by claim; the caller's are only read.
  const opening = options.states;
  const states = new Map<string, PersonState>();
  const ordered = inDateOrder(claims);

  const bills: Bill[] = new Array(ordered.length);
  const pushList: PushListEntry[] = [];
  /** Each person's latest entry, to keep its burden up to date. */
  const lastPushed = new Map<string, PushListEntry>();
  const watchList: WatchListEntry[] = [];
  const settleOptions: SettleOptions = { explain: options.explain === true };

  for (let i = 0; i < ordered.length; i += 1) {
    const claim = ordered[i]!;
    const person = byId.get(claim.personId);
    if (!person) {
      throw new PlatformError('ERR_MEDICAL_PERSON_UNKNOWN', medicalErrors.ERR_MEDICAL_PERSON_UNKNOWN, {
        details: { claimId: claim.claimId },
      });
    }

    let state = states.get(claim.personId);
    if (state === undefined) {
      const carried = opening?.get(claim.personId);
      state = carried ? { account: carried.account, accumulators: carried.accumulators } : initialState();
      states.set(claim.personId, state);
    }
    const bill = settleClaim(person, claim, state, params, settleOptions);
    bills[i] = bill;
    state.account = bill.accountAfter;
    state.accumulators = bill.accumulatorsAfter;

    const monitoring = params.on(claim.date).monitoring;
    if (!monitoring) continue;

    const before = bill.accumulatorsBefore;
    const after = bill.accumulatorsAfter;
    const latest = lastPushed.get(claim.personId);
    if (latest && latest.year === after.year) {
      latest.burden = after.burdenAfterInsurance;
    } else if (pushCrossed(before.burdenAfterInsurance, after.burdenAfterInsurance, monitoring)) {
      const entry = {
        personId: claim.personId,
        year: after.year,
        burden: after.burdenAfterInsurance,
        claimId: claim.claimId,
      };
      pushList.push(entry);
      lastPushed.set(claim.personId, entry);
    }
    if (person.categories.length > 0) {
      for (const watch of watchEntries(person, claim.claimId, claim.date, before, after, monitoring)) {
        watchList.push(watch);
      }
    }
  }

  return { bills, pushList, watchList, states };
}

function isIndexed(
  persons: readonly Person[] | ReadonlyMap<string, Person>,
): persons is ReadonlyMap<string, Person> {
  return !Array.isArray(persons);
}

function indexById(persons: readonly Person[]): Map<string, Person> {
  const byId = new Map<string, Person>();
  for (const person of persons) byId.set(person.personId, person);
  return byId;
}

/** Stable by date; no copy-sort when the input is already in order. */
function inDateOrder(claims: readonly Claim[]): readonly Claim[] {
  for (let i = 1; i < claims.length; i += 1) {
    if (claims[i]!.date < claims[i - 1]!.date) {
      return [...claims].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
  }
  return claims;
}
