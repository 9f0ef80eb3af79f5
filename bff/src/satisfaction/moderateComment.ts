import { scoreSentiment } from '@cakeday/shared';
import { TEXT_SCENES } from '../moderation/checkMemberText';
import { moderateText } from '../moderation/moderateText';
import type { TextCheckContext } from '../moderation/textContext';
import type { CommentState, StoredSentiment } from './Rating.model';

export interface CheckedComment {
  comment: string;
  commentState: CommentState;
  sentiment: StoredSentiment | null;
}

/**
 * A rating's or an NPS answer's comment, checked like community text (the word list, then msgSecCheck as a
 * comment: blocked or risky → 422, review or unchecked → held), then scored by our lexicon.
 */
export async function moderateComment(openid: string, text: string, context: TextCheckContext): Promise<CheckedComment> {
  if (text === '') return { comment: '', commentState: 'none', sentiment: null };
  const moderated = await moderateText({ openid, scene: TEXT_SCENES.comment, content: text, refusal: 'SATISFACTION_COMMENT_REJECTED' }, context);
  const sentiment = scoreSentiment(moderated.content);
  return { comment: moderated.content, commentState: moderated.outcome === 'pass' ? 'published' : 'reviewing', sentiment: { score: sentiment.score, class: sentiment.class, complaints: sentiment.complaints } };
}
