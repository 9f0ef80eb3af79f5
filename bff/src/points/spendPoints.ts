import { Types } from 'mongoose';
import type { LedgerContext } from './earnPoints';
import { assertApplied, postEntry } from './ledger';
import type { PointsEntry, PointsReference } from './PointsEntry.model';

export interface SpendPointsInput {
  memberId: string;
  points: number;
  /** Unique per spending event, e.g. `mall-order:<orderId>`. */
  idempotencyKey: string;
  reasonCode: string;
  reason: string;
  reference: PointsReference | null;
}

/**
 * Burns points from the lots expiring first. 409 POINTS_INSUFFICIENT when the balance (or the unexpired
 * lots) fall short, 409 POINTS_BALANCE_NEGATIVE while a clawback debt is open. Re-running with the same
 * key returns the same outcome.
 */
export async function spendPoints(input: SpendPointsInput, context: LedgerContext): Promise<PointsEntry> {
  if (!Number.isInteger(input.points) || input.points <= 0) throw new RangeError('points must be a positive integer');
  const entry = await postEntry(
    {
      memberId: new Types.ObjectId(input.memberId),
      key: input.idempotencyKey,
      kind: 'spend',
      requested: input.points,
      reasonCode: input.reasonCode,
      reason: input.reason,
      reference: input.reference,
      expiresAt: null,
      targetId: null,
    },
    context.now,
    context.faults,
    context.queue,
  );
  return assertApplied(entry);
}
