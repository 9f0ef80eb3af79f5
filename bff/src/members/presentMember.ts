import { birthdayLock, toBusinessIso, type MemberProfile } from '@cakeday/shared';
import { birthdayHistoryOf } from './birthdayHistory';
import type { Member } from './Member.model';

/** The member's own profile; the phone only masked, never openid, unionid or hashes. */
export function presentMemberProfile(member: Member, now: Date): MemberProfile {
  const lock = birthdayLock(birthdayHistoryOf(member), now);
  return {
    id: member._id.toHexString(),
    nickname: member.nickname,
    avatarUrl: member.avatarUrl,
    phoneMasked: member.phone?.masked ?? null,
    birthday: member.birthday ? { month: member.birthday.month, day: member.birthday.day, year: member.birthday.year ?? null } : null,
    birthdayLock: { state: lock.state, correctableUntil: lock.correctableUntil ? toBusinessIso(lock.correctableUntil) : null },
    memberSince: toBusinessIso(member.createdAt),
  };
}
