import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildSubscriptions } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok, popupAnswers, routeOf } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { HelpPage } from './index';

const gift = { title: '生日蛋糕升大一寸', description: '到店兑换', templateCode: 'help-cake-upgrade' };
const rules = ['集满5位好友助力即可解锁「生日蛋糕升大一寸」，人数固定，无抽奖、无随机。'];
const window = { firstDay: '2026-06-01', lastDay: '2026-06-22', opensAt: '2026-05-31T16:00:00Z', closesAt: '2026-06-22T16:00:00Z', open: true };
const share = {
  shareId: 'hAbCdEfGhIjKl',
  referralCode: 'ABCD2345',
  path: '/pages/help/card/index?sid=hAbCdEfGhIjKl&ref=ABCD2345',
  scene: 'hAbCdEfGhIjKl.ABCD2345',
  page: 'pages/help/card/index',
  title: '帮我解锁生日礼物',
};
const mine = (overrides: Record<string, unknown>): { statusCode: number; data: unknown } =>
  ok({ canStart: true, startBlocker: null, window, goal: 5, gift, rules, campaign: null, share: null, couponId: null, ...overrides });
const campaign = {
  shareId: share.shareId,
  state: 'active',
  stateText: '助力中',
  owner: { nickname: '小蛋糕', avatarUrl: null },
  birthday: { month: 6, day: 15 },
  goal: 5,
  helpersCount: 0,
  remaining: 5,
  helpers: [],
  gift,
  rules,
  startedAt: '2026-06-05T02:00:00Z',
  expiresAt: '2026-06-22T16:00:00Z',
  unlockedAt: null,
};

describe('HelpPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('shows the gift, the goal and the rules, starts the campaign and offers the share', async () => {
    const started = mine({ canStart: false, startBlocker: 'already_started', campaign, share });
    answerRoutes({ 'help.mine': [mine({}), started], 'help.start': started });

    render(<HelpPage />);

    expect(await screen.findByText('集满 5 位好友助力即可解锁')).toBeTruthy();
    expect(screen.getByText('本次可发起时间：2026-06-01 至 2026-06-22')).toBeTruthy();
    await act(async () => {
      screen.getByText('发起生日助力').click();
    });

    expect(await screen.findByText('已有 0/5 位好友助力')).toBeTruthy();
    expect(screen.getByText('邀请好友助力')).toBeTruthy();
    expect(callsTo('help.start')).toHaveLength(1);
  });

  it.each([
    ['accepts', true, 'accept'],
    ['refuses', false, 'reject'],
  ])('asks for 助力成功通知 from the start tap and starts the campaign whether the member %s', async (_answer, confirm, result) => {
    const started = mine({ canStart: false, startBlocker: 'already_started', campaign, share });
    answerRoutes({
      'help.mine': [mine({}), started],
      'help.start': started,
      'subscriptions.mine': ok(buildSubscriptions()),
      'sandbox:/subscription-popups': ok({ ok: true }),
      'subscriptions.record': ok(buildSubscriptions()),
    });
    taroStandIn.answerModal = async () => ({ confirm });

    render(<HelpPage />);
    await screen.findByText('集满 5 位好友助力即可解锁');
    await act(async () => {
      screen.getByText('发起生日助力').click();
    });

    expect(await screen.findByText('已有 0/5 位好友助力')).toBeTruthy();
    expect(taroStandIn.modals.map((modal) => modal.content)).toEqual([expect.stringContaining('助力成功通知')]);
    expect(popupAnswers()).toEqual([{ template: 'tmpl-helpSucceeded', result }]);
    expect(callsTo('subscriptions.record').map((request) => request.data)).toEqual([{ moment: 'help_started', choices: [{ template: 'helpSucceeded', result }] }]);
    expect(callsTo('help.start').map((request) => request.data)).toEqual([{}]);
    const order = taroStandIn.requests.map(routeOf);
    expect(order.indexOf('sandbox:/subscription-popups')).toBeLessThan(order.indexOf('help.start'));
    expect(taroStandIn.toasts).toEqual(['助力已发起']);
  });

  it('says when the campaign can be started instead of offering the button', async () => {
    answerRoutes({ 'help.mine': mine({ canStart: false, startBlocker: 'not_open', window: { ...window, open: false } }) });

    render(<HelpPage />);

    expect(await screen.findByText('2026-06-01 起可发起')).toBeTruthy();
    expect(screen.queryByText('发起生日助力')).toBeNull();
  });

  it('without a birthday the button leads to 生日设置 instead of being disabled', async () => {
    answerRoutes({ 'help.mine': mine({ canStart: false, startBlocker: 'no_birthday', window: null }) });

    render(<HelpPage />);

    const setBirthdayFirst = await screen.findByText('先设置生日，再发起助力');
    await act(async () => {
      setBirthdayFirst.click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/birthday/index']);
  });
});
