import { birthdayLock, toBusinessIso, type MemberProfile } from '@cakeday/shared';
import { birthdayHistoryOf } from './birthdayHistory';
import type { Member } from './Member.model';
import { readBirthday } from './storedBirthday';

/** The member's own profile; the phone only masked, never openid, unionid or hashes. */
export function presentMemberProfile(member: Member, now: Date, dataKey: string): MemberProfile {
  const lock = birthdayLock(birthdayHistoryOf(member, dataKey), now);
  const birthday = readBirthday(member.birthday, dataKey);
  return {
    id: member._id.toHexString(),
    nickname: member.nickname,
    nicknameInReview: Boolean(member.nicknameReview),
    avatarUrl: member.avatarUrl,
    phoneMasked: member.phone?.masked ?? null,
    birthday: birthday ? { month: birthday.month, day: birthday.day, year: birthday.year ?? null } : null,
    birthdayLock: { state: lock.state, correctableUntil: lock.correctableUntil ? toBusinessIso(lock.correctableUntil) : null },
    memberSince: toBusinessIso(member.createdAt),
  };
}
