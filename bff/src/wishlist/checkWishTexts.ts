import type { Principal } from '../http/context';
import { checkMemberText, TEXT_SCENES } from '../moderation/checkMemberText';
import type { HeldText } from '../moderation/HeldText';
import type { TextCheckContext } from '../moderation/textContext';

/** A wish's text or note as a friend will see it: msgSecCheck scene 4 (社交日志); empty clears need no check. */
export function checkWishText(principal: Principal, content: string, context: TextCheckContext): Promise<{ content: string; held: HeldText | null }> {
  if (content === '') return Promise.resolve({ content, held: null });
  return checkMemberText({ openid: principal.openid, scene: TEXT_SCENES.wish, content, refusal: 'WISH_CONTENT_REJECTED' }, context);
}
