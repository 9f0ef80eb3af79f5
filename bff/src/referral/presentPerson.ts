import type { Person } from '@cakeday/shared';

/** A member as friends see them: a default nickname when unset; never openid, phone or birthday year. */
export function presentPerson(member: { nickname: string | null; avatarUrl: string | null } | null): Person {
  return { nickname: member?.nickname ?? '微信好友', avatarUrl: member?.avatarUrl ?? null };
}
