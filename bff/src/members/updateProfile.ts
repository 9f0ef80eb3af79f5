import type { Principal } from '../http/context';
import { checkMemberText, TEXT_SCENES } from '../moderation/checkMemberText';
import type { TextCheckContext } from '../moderation/textContext';
import { MemberModel, type Member } from './Member.model';
import { loadMember } from './loadMember';

/**
 * Nickname and avatar. Friends see the nickname, so it is checked first (the word list, then msgSecCheck scene 1): risky is refused
 * (422), review or an unavailable check stores it held (see HeldText), pass stores it shown.
 */
export async function updateProfile(
  principal: Principal,
  changes: { nickname?: string; avatarUrl?: string },
  context: TextCheckContext,
): Promise<Member> {
  const set: Partial<Member> = { updatedAt: context.now };
  if (changes.avatarUrl !== undefined) set.avatarUrl = changes.avatarUrl;
  if (changes.nickname !== undefined) {
    const check = { openid: principal.openid, scene: TEXT_SCENES.nickname, content: changes.nickname, refusal: 'NICKNAME_CONTENT_REJECTED' as const };
    const checked = await checkMemberText(check, context);
    set.nickname = checked.content;
    set.nicknameReview = checked.held;
  }
  await MemberModel.updateOne({ _id: principal.memberId, status: 'active' }, { $set: set });
  return loadMember(principal.memberId);
}
