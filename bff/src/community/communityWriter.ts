import { businessDate, startOfBusinessDay, type ErrorCode } from '@cakeday/shared';
import { takeDailySlot, type DailyCapPurpose } from '../db/dailyCounter';
import { AppError, forbidden } from '../errors/AppError';
import { loadMember } from '../members/loadMember';
import type { Member } from '../members/Member.model';
import { CommunityMemberModel } from './CommunityMember.model';

const DAY_MS = 86_400_000;

/**
 * Who may write in the community: a member with a bound phone (后台实名, as the comment rules require) who is not
 * muted by a moderator.
 */
export async function requireCommunityWriter(memberId: string, now: Date): Promise<Member> {
  const member = await loadMember(memberId);
  if (!member.phone) throw forbidden('COMMUNITY_PHONE_REQUIRED');
  const standing = await CommunityMemberModel.findById(member._id, { mutedUntil: 1 }).lean();
  if (standing?.mutedUntil && standing.mutedUntil > now) throw forbidden('COMMUNITY_MUTED');
  return member;
}

/** Seconds until the next business day starts (Asia/Shanghai), when the daily cap opens again. */
function secondsUntilTomorrow(now: Date): number {
  const today = startOfBusinessDay(businessDate(now));
  return Math.ceil((today.getTime() + DAY_MS - now.getTime()) / 1000);
}

/**
 * Takes one of the member's slots of the day for `key` (a retry of the same submit takes nothing more); 429 with
 * Retry-After until tomorrow when the day's are used.
 */
export async function takeCommunitySlot(purpose: Extract<DailyCapPurpose, `community-${string}`>, memberId: string, key: string, limit: number, now: Date): Promise<void> {
  if (await takeDailySlot({ purpose, subject: memberId, day: now }, key, limit)) return;
  const code: ErrorCode = 'COMMUNITY_DAILY_LIMIT';
  throw new AppError(429, code, { retryAfterSeconds: secondsUntilTomorrow(now) });
}
