import type { Person } from '@cakeday/shared';
import { shownAvatarUrl } from '../members/avatarCheck';
import type { Member } from '../members/Member.model';

/** What presentPerson reads: select these fields when loading members to show to others. */
export const PERSON_FIELDS = { nickname: 1, avatarUrl: 1, nicknameReview: 1, avatarCheck: 1 } as const;

/**
 * A member as friends (and staff) see them: a default nickname when unset or held for a content review, the
 * default face until an uploaded avatar passed its check; never openid, phone or birthday year.
 */
export function presentPerson(member: Pick<Member, 'nickname' | 'avatarUrl' | 'nicknameReview' | 'avatarCheck'> | null): Person {
  const nickname = member?.nicknameReview ? null : (member?.nickname ?? null);
  return { nickname: nickname ?? '微信好友', avatarUrl: member ? shownAvatarUrl(member) : null };
}
