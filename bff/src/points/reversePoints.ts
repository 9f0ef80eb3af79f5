import { Types } from 'mongoose';
import { conflict, notFound } from '../errors/AppError';
import type { LedgerContext } from './earnPoints';
import { postEntry } from './ledger';
import { PointsEntryModel, type PointsEntry, type PointsReference } from './PointsEntry.model';

export interface ReversePointsInput {
  memberId: string;
  /** The idempotency key of the earn or spend being corrected. */
  reversesKey: string;
  /** How many of its points to reverse; all of them when omitted. */
  points?: number;
  idempotencyKey: string;
  reasonCode: string;
  reason: string;
  reference: PointsReference | null;
}

/**
 * The only correction: a new entry that undoes (part of) an earlier one. Reversing an earn claws the points
 * back from the lot it formed first, then from other lots; points already spent make the balance negative.
 * Reversing a spend gives the points back with the expiry they had. Ops adjustments are not reversed: a wrong
 * adjustment is corrected by another adjustment (with its own reason and approval).
 */
export async function reversePoints(input: ReversePointsInput, context: LedgerContext): Promise<PointsEntry> {
  const target = await PointsEntryModel.findOne({ key: input.reversesKey }).lean();
  if (!target || !target.memberId.equals(input.memberId) || target.state !== 'applied' || target.kind === 'expire' || target.kind === 'reverse' || target.kind === 'adjust') {
    throw notFound();
  }
  const points = input.points ?? target.requested;
  if (!Number.isInteger(points) || points <= 0) throw new RangeError('points must be a positive integer');
  const earlier = await PointsEntryModel.find({ kind: 'reverse', targetId: input.reversesKey, state: 'applied', key: { $ne: input.idempotencyKey } }).lean();
  const reversedBefore = earlier.reduce((sum, entry) => sum + entry.requested, 0);
  if (reversedBefore + points > target.requested) throw conflict('POINTS_REVERSAL_EXCEEDS');
  return postEntry(
    {
      memberId: new Types.ObjectId(input.memberId),
      key: input.idempotencyKey,
      kind: 'reverse',
      requested: points,
      reasonCode: input.reasonCode,
      reason: input.reason,
      reference: input.reference,
      expiresAt: null,
      targetId: input.reversesKey,
    },
    context.now,
    context.faults,
    context.queue,
  );
}
