import type { ContentScene } from '../wechat/types';
import type { HeldText } from './HeldText';
import { moderateText, type MemberTextCheck } from './moderateText';
import type { TextCheckContext } from './textContext';

export type { MemberTextCheck } from './moderateText';

/**
 * WeChat's msgSecCheck scenes for what members write: 1 资料 (nickname), 2 评论 (comments), 3 论坛 (posts),
 * 4 社交日志 (wishes and notes).
 */
export const TEXT_SCENES = { nickname: 1, comment: 2, post: 3, wish: 4 } as const satisfies Record<string, ContentScene>;

/**
 * Checks a text friends will see (moderateText: the word list, then msgSecCheck v2). pass → shown; review or an
 * unavailable check → held (HeldText); blocked or risky → 422 with the refusal code. `content` is what to store.
 */
export async function checkMemberText(check: MemberTextCheck, context: TextCheckContext): Promise<{ content: string; held: HeldText | null }> {
  const moderated = await moderateText(check, context);
  if (moderated.outcome === 'pass') return { content: moderated.content, held: null };
  return {
    content: moderated.content,
    held: {
      reason: moderated.outcome === 'unchecked' ? 'unavailable' : 'review',
      label: moderated.verdict.label,
      traceId: moderated.verdict.traceId,
      heldAt: context.now,
    },
  };
}
