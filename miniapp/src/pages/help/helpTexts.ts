import { type HelpCard, type HelpMine } from '../../hooks/useHelp';

type StartBlocker = NonNullable<HelpMine['startBlocker']>;
type HelpBlocker = NonNullable<HelpCard['viewer']['blocker']>;

/** Why the member cannot start a campaign now, in words (the button's text). */
export function startBlockerText(blocker: StartBlocker, mine: HelpMine): string {
  switch (blocker) {
    case 'no_birthday':
      return '设置生日后可发起';
    case 'consent_withdrawn':
      return '生日授权已撤回，暂不能发起';
    case 'not_open':
      return mine.window ? `${mine.window.firstDay} 起可发起` : '生日前 14 天起可发起';
    case 'already_started':
      return '本次生日已发起过助力';
  }
}

/** The friend's button: what it says, and whether tapping it helps (login_required still helps, after a silent login). */
export function assistButton(viewer: HelpCard['viewer']): { text: string; enabled: boolean } {
  if (viewer.canHelp) return { text: '为TA助力', enabled: true };
  const texts: Record<HelpBlocker, { text: string; enabled: boolean }> = {
    login_required: { text: '登录并为TA助力', enabled: true },
    owner: { text: '这是你的助力卡，快邀请好友吧', enabled: false },
    already_helped: { text: '你已助力，谢谢你的心意', enabled: false },
    ended: { text: '活动已结束', enabled: false },
    goal_reached: { text: '助力已集满，礼物已解锁', enabled: false },
  };
  return viewer.blocker ? texts[viewer.blocker] : { text: '暂时不能助力', enabled: false };
}
