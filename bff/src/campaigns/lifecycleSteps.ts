import { careDueAt, EVENT_TRIGGER_KINDS, isMemberDay, lapseWindow, lastValidDayText, lifecycleOccurrence, sendTimeToday, type CampaignVariables } from '@cakeday/shared';
import type { QueryFilter, Types } from 'mongoose';
import type { Member } from '../members/Member.model';
import { PointsAccountModel, type PointsAccount } from '../points/PointsAccount.model';
import type { Campaign } from './Campaign.model';

/** One delivery a campaign owes a member now: its occurrence, due time, and the variables fixed on it. */
export interface DueStep {
  occurrence: string;
  dueAt: Date;
  laterSteps: number;
  variables?: Partial<CampaignVariables>;
}

const DAY_MS = 86_400_000;

/** Triggers the outbox consumer fires (lifecycleConsumer.ts): their campaigns have no daily pass. */
export const isEventTriggered = (trigger: Campaign['trigger']): boolean => (EVENT_TRIGGER_KINDS as readonly string[]).includes(trigger.kind);

/** Whether a daily pass of the campaign has anything to do today (the member day: only on its day). */
export function passDueToday(trigger: Campaign['trigger'], now: Date): boolean {
  if (isEventTriggered(trigger)) return false;
  return trigger.kind !== 'memberDay' || isMemberDay(now, trigger.dayOfMonth);
}

/** The care programme's pass reads only the members whose silence reaches its days (indexed window, no full scan). */
export function lifecycleMemberFilter(trigger: Campaign['trigger'], now: Date): QueryFilter<Member> | null {
  if (trigger.kind !== 'inactive') return null;
  const { from, until } = lapseWindow(now, trigger.days);
  return { 'lifecycle.lastPaidAt': { $gte: from, $lt: until } };
}

/** The accounts whose points expire within the campaign's days, after the cursor, by id (= the member's id). */
export async function accountsExpiringWithin(withinDays: number, now: Date, afterId: Types.ObjectId | null, batchSize: number): Promise<Pick<PointsAccount, '_id' | 'lots'>[]> {
  const window = { 'lots.expiresAt': { $gt: now, $lte: new Date(now.getTime() + withinDays * DAY_MS) } };
  return PointsAccountModel.find(afterId ? { $and: [window, { _id: { $gt: afterId } }] } : window, { lots: 1 })
    .sort({ _id: 1 })
    .limit(batchSize)
    .lean();
}

/** The member's points that expire first within the window: how many, and when (null when none remain there). */
export function firstExpiry(account: Pick<PointsAccount, 'lots'> | undefined, withinDays: number, now: Date): { points: number; expiresAt: Date } | null {
  const until = now.getTime() + withinDays * DAY_MS;
  const due = (account?.lots ?? []).filter((lot) => lot.remaining > 0 && lot.expiresAt.getTime() > now.getTime() && lot.expiresAt.getTime() <= until);
  const first = Math.min(...due.map((lot) => lot.expiresAt.getTime()));
  if (!Number.isFinite(first)) return null;
  return { points: due.filter((lot) => lot.expiresAt.getTime() === first).reduce((sum, lot) => sum + lot.remaining, 0), expiresAt: new Date(first) };
}

/** The steps a daily pass owes the member for a scheduled lifecycle trigger (none for the others). */
export function scheduledLifecycleSteps(campaign: Pick<Campaign, 'trigger'>, member: Pick<Member, 'lifecycle'>, account: Pick<PointsAccount, 'lots'> | undefined, now: Date): DueStep[] {
  const { trigger } = campaign;
  switch (trigger.kind) {
    case 'inactive': {
      const lastPaidAt = member.lifecycle?.lastPaidAt;
      if (!lastPaidAt) return [];
      const { from, until } = lapseWindow(now, trigger.days);
      if (lastPaidAt.getTime() < from.getTime() || lastPaidAt.getTime() >= until.getTime()) return [];
      return [{ occurrence: lifecycleOccurrence.care(trigger.days, lastPaidAt), dueAt: careDueAt(lastPaidAt, trigger.days, now), laterSteps: 0 }];
    }
    case 'memberDay':
      return isMemberDay(now, trigger.dayOfMonth) ? [{ occurrence: lifecycleOccurrence.memberDay(now), dueAt: sendTimeToday(now), laterSteps: 0 }] : [];
    case 'pointsExpiring': {
      const expiry = firstExpiry(account, trigger.withinDays, now);
      if (!expiry) return [];
      return [
        {
          occurrence: lifecycleOccurrence.pointsExpiry(expiry.expiresAt),
          dueAt: sendTimeToday(now),
          laterSteps: 0,
          variables: { expiringPoints: String(expiry.points), expiryDate: lastValidDayText(expiry.expiresAt) },
        },
      ];
    }
    default:
      return [];
  }
}
