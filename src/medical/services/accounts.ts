/**
 * Personal-account movements other than claim payments (D5 §4–§5): monthly
 * credits, the retirees' top-up, refunds on transfer out of the city and
 * payment to heirs. Amounts come in; the rules compute credits elsewhere.
 * Each movement has an id that makes it idempotent.
 */
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { lockAccount, recordMovement } from '../storage/settlements.ts';

export const MOVEMENT_KINDS = {
  credit: { sign: 1, label: '按月划入' },
  top_up: { sign: 1, label: '补划差额' },
  refund: { sign: -1, label: '转出返还' },
  inheritance: { sign: -1, label: '继承拨付' },
} as const;
export type MovementKind = keyof typeof MOVEMENT_KINDS;

export interface MovementInput {
  personId: string;
  kind: MovementKind;
  /** Positive fen; the kind gives the sign. */
  amount: number;
  date: string;
  id?: string;
  note?: string | null;
}

export async function addMovement(ctx: PlatformContext, input: MovementInput): Promise<{ outcome: 'recorded' | 'existing'; balance: number; id: string }> {
  const id = input.id ?? `${input.kind}:${input.personId}:${input.date}`;
  const amount = MOVEMENT_KINDS[input.kind].sign * input.amount;

  return ctx.store.db.transaction().execute(async (trx) => {
    const account = await lockAccount(trx, ctx.store.dialect, input.personId);
    if (!account) fail('ERR_MEDICAL_NO_ACCOUNT', { details: { kind: input.kind } });

    const before = await trx.selectFrom('medical_account_movement').selectAll().where('id', '=', id).executeTakeFirst();
    if (before) {
      if (before.person_id !== input.personId || Number(before.amount) !== amount || before.kind !== input.kind) {
        fail('ERR_CORE_CONFLICT', { details: { id, reason: '同一编号的账户变动已记录，但内容不同' } });
      }
      return { outcome: 'existing' as const, balance: account.balance, id };
    }
    if (account.balance + amount < 0) {
      fail('ERR_MEDICAL_ACCOUNT_INSUFFICIENT', { details: { balance: account.balance, amount } });
    }

    const next = await recordMovement(trx, account, {
      id,
      personId: input.personId,
      date: input.date,
      kind: input.kind,
      amount,
      note: input.note ?? MOVEMENT_KINDS[input.kind].label,
    }, new Date().toISOString());
    ctx.logger.info({ kind: input.kind, date: input.date, article: 'D5 §4-§5' }, 'account movement recorded');
    return { outcome: 'recorded' as const, balance: next.balance, id };
  });
}
