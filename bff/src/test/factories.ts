import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { issueSessionToken } from '../auth/sessionToken';
import { MemberModel, type Member } from '../members/Member.model';
import { storeBirthday } from '../members/storedBirthday';
import { earnPoints } from '../points/earnPoints';
import type { PointsEntry } from '../points/PointsEntry.model';
import { DEFAULT_SETTINGS_SNAPSHOT, type SettingsSnapshot } from '../settings/settingsSource';
import { testConfig } from './app';

let sequence = 0;
const unique = (): string => `${Date.now().toString(36)}${(sequence += 1).toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * A saved active member; every field can be overridden. A birthday given with a clear `year` is stored as the
 * BFF stores it (the year encrypted with the test configuration's key).
 */
export async function buildMember(overrides: Partial<Member> = {}): Promise<Member> {
  const now = overrides.createdAt ?? new Date();
  const { birthday } = overrides;
  const stored = birthday && birthday.yearCiphertext === undefined ? storeBirthday(birthday, testConfig().DATA_ENCRYPTION_KEY) : birthday;
  const created = await MemberModel.create({
    _id: new Types.ObjectId(),
    openid: `o-test-${unique()}`,
    status: 'active',
    tokenVersion: 0,
    nickname: null,
    avatarUrl: null,
    phone: null,
    birthdayHistory: { firstSetAt: null, changedAt: null, corrections: 0, lastBenefitClaimedAt: null },
    tier: { level: 'basic', since: now, reviewedAt: null },
    newMemberRewardsEligible: true,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    ...overrides,
    birthday: stored ?? null,
  });
  return created.toObject();
}

/** Gives a member (built when not given) a lot of points through the real ledger command (default settings unless given). */
export async function buildPointsLot(
  overrides: { member?: Member; points?: number; earnedAt?: Date; settings?: SettingsSnapshot; key?: string } = {},
): Promise<{ member: Member; entry: PointsEntry }> {
  const member = overrides.member ?? (await buildMember());
  const entry = await earnPoints(
    {
      memberId: member._id.toHexString(),
      points: overrides.points ?? 1000,
      idempotencyKey: overrides.key ?? `test-earn:${unique()}`,
      reasonCode: 'test',
      reason: '测试积分',
      reference: { type: 'test', id: unique() },
    },
    { now: overrides.earnedAt ?? new Date(), settings: overrides.settings ?? DEFAULT_SETTINGS_SNAPSHOT },
  );
  return { member, entry };
}

/** A valid session token for the member, as auth.login would issue it (for tests that do not log in through WeChat). */
export async function sessionFor(member: Member, options: { secret?: string; now?: Date; ttlSeconds?: number } = {}): Promise<string> {
  const { token } = await issueSessionToken(
    { memberId: member._id.toHexString(), tokenVersion: member.tokenVersion },
    { secret: options.secret ?? testConfig().SESSION_SECRET, ttlSeconds: options.ttlSeconds ?? 7200, now: options.now ?? new Date() },
  );
  return `Bearer ${token}`;
}
