import type { ErrorCode, ReviewReason } from '@cakeday/shared';
import { AppError } from '../errors/AppError';
import type { ContentScene } from '../wechat/types';
import type { TextCheckContext } from './textContext';
import { currentWordMatcher } from './wordList';
import { replaceMatches } from './wordMatcher';

export interface MemberTextCheck {
  openid: string;
  scene: ContentScene;
  /** Already cleaned by the request schema (cleanMemberText). */
  content: string;
  /** The 422 refusal when the list blocks the text or WeChat calls it risky. */
  refusal: ErrorCode;
}

/** What decided, kept with the text for ops (msgSecCheck cannot be re-asked hours later: 61010). */
export interface TextVerdict {
  source: 'word_list' | 'wechat' | 'unchecked';
  suggest: 'pass' | 'review' | 'risky' | null;
  label: number | null;
  traceId: string | null;
  /** The list's review and replace words the text matched. */
  words: string[];
}

export interface ModeratedText {
  /** The text to store: `replace` words already replaced. */
  content: string;
  /** pass: show it; review: hold it for the ops queue; unchecked: WeChat could not be asked, hold it too. */
  outcome: 'pass' | 'review' | 'unchecked';
  reasons: ReviewReason[];
  verdict: TextVerdict;
}

/**
 * Our word list first (block → 422, replace → replaced, review → held), then msgSecCheck v2 on what is left
 * (risky → 422, review → held). WeChat unavailable, over quota or the author's visit too old: held, never shown
 * unchecked.
 */
export async function moderateText(check: MemberTextCheck, context: TextCheckContext): Promise<ModeratedText> {
  const matches = (await currentWordMatcher()).matches(check.content);
  if (matches.some((match) => match.word.action === 'block')) throw new AppError(422, check.refusal);
  const content = replaceMatches(check.content, matches);
  const words = [...new Set(matches.map((match) => match.word.word))];
  const listReview = matches.some((match) => match.word.action === 'review');
  const listReasons: ReviewReason[] = listReview ? ['word_review'] : [];
  let wechat;
  try {
    wechat = await context.security.checkText({ openid: check.openid, scene: check.scene, content });
  } catch (error) {
    context.logger.warn({ err: error, scene: check.scene }, 'msgSecCheck unavailable: the text is held for review');
    return { content, outcome: 'unchecked', reasons: [...listReasons, 'text_unchecked'], verdict: { source: 'unchecked', suggest: null, label: null, traceId: null, words } };
  }
  if (wechat.suggest === 'risky') throw new AppError(422, check.refusal);
  const reasons: ReviewReason[] = [...listReasons, ...(wechat.suggest === 'review' ? (['text_review'] as const) : [])];
  const source = listReview && wechat.suggest === 'pass' ? 'word_list' : 'wechat';
  return {
    content,
    outcome: reasons.length > 0 ? 'review' : 'pass',
    reasons,
    verdict: { source, suggest: listReview && wechat.suggest === 'pass' ? 'review' : wechat.suggest, label: wechat.label, traceId: wechat.traceId ?? null, words },
  };
}
