import Taro from '@tarojs/taro';
import { REPORT_REASON_TEXTS, REPORT_REASONS } from '@cakeday/shared';
import { type ContentActions } from '../../hooks/useCommunity';

type Target = { kind: 'post' | 'comment'; id: string };

/** 举报 (with a reason) or 屏蔽作者 for someone else's post or comment; 删除 for one's own. */
export async function openContentMenu(target: Target, mine: boolean, actions: ContentActions): Promise<void> {
  if (mine) {
    const { confirm } = await Taro.showModal({ title: '删除', content: target.kind === 'post' ? '删除这条帖子？' : '删除这条评论？' });
    if (!confirm) return;
    if (target.kind === 'post') await actions.deletePost.run(target.id);
    else await actions.deleteComment.run(target.id);
    return;
  }
  const choice = await Taro.showActionSheet({ itemList: ['举报', '屏蔽作者'] }).catch(() => null);
  if (!choice) return;
  if (choice.tapIndex === 1) {
    await actions.block.run(target);
    return;
  }
  const reason = await Taro.showActionSheet({ itemList: REPORT_REASONS.map((key) => REPORT_REASON_TEXTS[key]) }).catch(() => null);
  const picked = reason ? REPORT_REASONS[reason.tapIndex] : undefined;
  if (picked) await actions.report.run(target, picked);
}
