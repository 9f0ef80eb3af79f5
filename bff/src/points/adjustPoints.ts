import { lotExpiresAt } from '@cakeday/shared';
import { Types } from 'mongoose';
import type { EarnContext } from './earnPoints';
import { postEntry } from './ledger';
import type { PointsEntry, PointsReference } from './PointsEntry.model';

export interface AdjustPointsInput {
  memberId: string;
  /** Signed, never 0: positive adds a lot with the normal expiry, negative spends from the lots expiring first. */
  points: number;
  /** Built from the adjustment (`ops-adjust:<adjustmentId>`), so a retried or repaired application posts once. */
  idempotencyKey: string;
  /** Chinese, shown in the member's history. */
  reason: string;
  reference: PointsReference | null;
}

export const ADJUST_REASON_CODE = 'ops_adjust';

/**
 * A manual adjustment as a ledger entry of its own kind. A deduction larger than the spendable balance (or while
 * a clawback debt is open) is refused like a spend: the entry comes back `rejected` with the reason, for the
 * caller to record; nothing changes.
 */
export async function adjustPoints(input: AdjustPointsInput, context: EarnContext): Promise<PointsEntry> {
  if (!Number.isInteger(input.points) || input.points === 0) throw new RangeError('points must be a non-zero integer');
  const credit = input.points > 0;
  return postEntry(
    {
      memberId: new Types.ObjectId(input.memberId),
      key: input.idempotencyKey,
      kind: 'adjust',
      direction: credit ? 'credit' : 'debit',
      requested: Math.abs(input.points),
      reasonCode: ADJUST_REASON_CODE,
      reason: input.reason,
      reference: input.reference,
      expiresAt: credit ? lotExpiresAt(context.now, context.settings.settings.points.lifetimeYears) : null,
      targetId: null,
      // A credit's lot expires by the settings; a deduction uses none of them.
      settingsVersion: credit ? context.settings.version : null,
    },
    context.now,
    context.faults,
    context.queue,
  );
}
