import { businessDayKey, type TierLevel } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { eventKey, recordEvent } from '../events/recordEvent';
import { MemberModel, type PendingTierUpgrade } from '../members/Member.model';

/** The upgrade a tier write carries (pushed by the same update): its event's key is one per member, tier and tier year. */
export function pendingTierUpgrade(memberId: Types.ObjectId, from: TierLevel, to: TierLevel, reviewDueAt: Date, now: Date): PendingTierUpgrade {
  const period = businessDayKey(reviewDueAt);
  return { key: eventKey('tier.upgraded', memberId.toHexString(), to, period), from, to, at: now, period, validUntil: reviewDueAt };
}

/** Records the member's pending upgrades as `tier.upgraded` events (once each, by key), then drops them from the member. */
export async function recordPendingTierUpgrades(memberId: Types.ObjectId, pending: readonly PendingTierUpgrade[], now: Date): Promise<void> {
  for (const upgrade of pending) {
    await recordEvent(
      {
        type: 'tier.upgraded',
        key: upgrade.key,
        at: upgrade.at,
        memberId,
        subject: { type: 'member', id: memberId.toHexString() },
        props: { from: upgrade.from, to: upgrade.to, period: upgrade.period, validUntil: upgrade.validUntil.toISOString() },
      },
      now,
    );
    await MemberModel.updateOne({ _id: memberId }, { $pull: { 'tier.pendingUpgrades': { key: upgrade.key } } });
  }
}

const REPAIR_BATCH = 200;

/** The repair path (tiers.review): upgrades whose event a crash left unrecorded, recorded now. */
export async function settlePendingTierUpgrades(now: Date): Promise<number> {
  const members = await MemberModel.find({ 'tier.pendingUpgrades.key': { $exists: true } }, { tier: 1, status: 1 })
    .sort({ _id: 1 })
    .limit(REPAIR_BATCH)
    .lean();
  for (const member of members) {
    // A member deleted since: nothing to congratulate, and no new fact about them in the outbox.
    if (member.status === 'active') await recordPendingTierUpgrades(member._id, member.tier.pendingUpgrades ?? [], now);
    else await MemberModel.updateOne({ _id: member._id }, { $unset: { 'tier.pendingUpgrades': 1 } });
  }
  return members.length;
}
