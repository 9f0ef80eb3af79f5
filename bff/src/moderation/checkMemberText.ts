import type { ErrorCode } from '@cakeday/shared';
import { AppError } from '../errors/AppError';
import type { ContentScene } from '../wechat/types';
import type { HeldText } from './HeldText';
import type { TextCheckContext } from './textContext';

/** WeChat's msgSecCheck scenes for what members write: 1 资料 (nickname), 4 社交日志 (wishes and notes). */
export const TEXT_SCENES = { nickname: 1, wish: 4 } as const satisfies Record<string, ContentScene>;

export interface MemberTextCheck {
  openid: string;
  scene: ContentScene;
  /** Already cleaned by the request schema (cleanMemberText). */
  content: string;
  /** The 422 refusal when WeChat calls the text risky. */
  refusal: ErrorCode;
}

/**
 * Checks a text friends will see with msgSecCheck v2. pass → null (show it); review → held; risky → 422 with
 * the refusal code; WeChat unavailable or refusing the call → held as well, never passed unchecked.
 */
export async function checkMemberText(
  check: MemberTextCheck,
  context: TextCheckContext,
): Promise<HeldText | null> {
  let verdict;
  try {
    verdict = await context.security.checkText({ openid: check.openid, scene: check.scene, content: check.content });
  } catch (error) {
    context.logger.warn({ err: error, scene: check.scene }, 'msgSecCheck unavailable: the text is held for review');
    return { reason: 'unavailable', label: null, traceId: null, heldAt: context.now };
  }
  if (verdict.suggest === 'risky') throw new AppError(422, check.refusal);
  if (verdict.suggest === 'pass') return null;
  return { reason: 'review', label: verdict.label, traceId: verdict.traceId ?? null, heldAt: context.now };
}
