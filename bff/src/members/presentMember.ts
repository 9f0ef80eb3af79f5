import { birthdayLock, toBusinessIso, type BirthdayCorrectionRules, type BirthdayLock, type MemberProfile } from '@cakeday/shared';
import { birthdayHistoryOf } from './birthdayHistory';
import type { Member } from './Member.model';
import { readBirthday } from './storedBirthday';

export function presentBirthdayLock(lock: BirthdayLock): MemberProfile['birthdayLock'] {
  return { state: lock.state, correctableUntil: lock.correctableUntil ? toBusinessIso(lock.correctableUntil) : null, correctionsLeft: lock.correctionsLeft };
}

/**
 * The member's own profile; the phone only masked, never openid, unionid or hashes. `birthdayRules` are the
 * settings' birthday section in force (the defaults where a caller has no snapshot at hand).
 */
export function presentMemberProfile(member: Member, now: Date, dataKey: string, birthdayRules?: BirthdayCorrectionRules): MemberProfile {
  const lock = birthdayLock(birthdayHistoryOf(member, dataKey), now, birthdayRules);
  const birthday = readBirthday(member.birthday, dataKey);
  return {
    id: member._id.toHexString(),
    nickname: member.nickname,
    nicknameInReview: Boolean(member.nicknameReview),
    avatarUrl: member.avatarUrl,
    phoneMasked: member.phone?.masked ?? null,
    birthday: birthday ? { month: birthday.month, day: birthday.day, year: birthday.year ?? null } : null,
    birthdayLock: presentBirthdayLock(lock),
    memberSince: toBusinessIso(member.createdAt),
  };
}
