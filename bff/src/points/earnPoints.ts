import { lotExpiresAt } from '@cakeday/shared';
import { Types } from 'mongoose';
import type { SettingsSnapshot } from '../settings/settingsSource';
import { postEntry, type LedgerFaults } from './ledger';
import type { MemberQueue } from './memberQueue';
import type { PointsEntry, PointsReference } from './PointsEntry.model';

export interface EarnPointsInput {
  memberId: string;
  points: number;
  /** Unique per earning event, e.g. `order-paid:<orderId>`; the same key never earns twice. */
  idempotencyKey: string;
  reasonCode: string;
  /** Chinese, shown in the member's history. */
  reason: string;
  reference: PointsReference | null;
}

export interface LedgerContext {
  now: Date;
  faults?: LedgerFaults;
  /** The app instance's per-member queue (memberQueueFor(deps)); request handlers should pass it. */
  queue?: MemberQueue;
}

/** What adds a lot: the program settings decide its expiry (points.lifetimeYears), and the entry records their version. */
export interface EarnContext extends LedgerContext {
  settings: SettingsSnapshot;
}

/** Adds a lot of points expiring at the end of the year the settings say; repays a negative balance first. */
export async function earnPoints(input: EarnPointsInput, context: EarnContext): Promise<PointsEntry> {
  if (!Number.isInteger(input.points) || input.points <= 0) throw new RangeError('points must be a positive integer');
  return postEntry(
    {
      memberId: new Types.ObjectId(input.memberId),
      key: input.idempotencyKey,
      kind: 'earn',
      requested: input.points,
      reasonCode: input.reasonCode,
      reason: input.reason,
      reference: input.reference,
      expiresAt: lotExpiresAt(context.now, context.settings.settings.points.lifetimeYears),
      targetId: null,
      settingsVersion: context.settings.version,
    },
    context.now,
    context.faults,
    context.queue,
  );
}
