import { type RouteResponse } from '@cakeday/shared';

type Member = RouteResponse<'members.me'>;

/** A members.me answer for a new basic member; override what the test is about. */
export function buildMember(overrides: Partial<Member> = {}): Member {
  return {
    id: 'member-1',
    nickname: '小蛋糕',
    avatarUrl: null,
    phoneMasked: null,
    birthday: null,
    birthdayLock: { state: 'open', correctableUntil: null },
    memberSince: '2026-01-10T10:00:00+08:00',
    tier: {
      level: 'basic',
      name: '普卡',
      rollingSpendFen: 12_000,
      next: { level: 'gold', name: '金卡', thresholdFen: 50_000, remainingFen: 38_000 },
      reviewOn: '2027-01-10',
    },
    points: {
      balance: 320,
      expiringSoon: { points: 0, before: '2026-02-10T10:00:00+08:00', firstExpiresAt: null },
    },
    coupons: { available: 2 },
    ...overrides,
  };
}
