import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../../test/taroStandIn';
import { answerRoutes, callsTo, ok, refusal } from '../../../../test/routes';
import { setSessionProvider } from '../../../api/client';
import { HelpCardPage } from './index';

const campaign = (helpers: number): Record<string, unknown> => ({
  shareId: 'hAbCdEfGhIjKl',
  state: 'active',
  stateText: '助力中',
  owner: { nickname: '小蛋糕', avatarUrl: null },
  birthday: { month: 6, day: 15 },
  goal: 5,
  helpersCount: helpers,
  remaining: 5 - helpers,
  helpers: Array.from({ length: helpers }, (_, index) => ({ nickname: `好友${index + 1}`, avatarUrl: null, helpedAt: `2026-06-0${index + 1}T02:00:00Z` })),
  gift: { title: '生日蛋糕升大一寸', description: '到店兑换', templateCode: 'help-cake-upgrade' },
  rules: ['集满5位好友助力即可解锁「生日蛋糕升大一寸」，人数固定，无抽奖、无随机。'],
  startedAt: '2026-06-01T02:00:00Z',
  expiresAt: '2026-06-22T16:00:00Z',
  unlockedAt: null,
});
const card = (helpers: number, viewer: Record<string, unknown>): { statusCode: number; data: unknown } =>
  ok({ campaign: campaign(helpers), viewer, referralCode: 'ABCD2345' });
const newcomer = { loggedIn: false, isOwner: false, hasHelped: false, canHelp: false, blocker: 'login_required' };
const helped = { loggedIn: true, isOwner: false, hasHelped: true, canHelp: false, blocker: 'already_helped' };

describe('HelpCardPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    taroStandIn.params = { sid: 'hAbCdEfGhIjKl', ref: 'ABCD2345' };
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('discloses the goal and the rules before anyone helps, and counts a new friend’s help', async () => {
    answerRoutes({
      'help.get': [card(2, newcomer), card(3, helped)],
      'help.assist': ok({ campaign: campaign(3), viewer: helped, referralCode: 'ABCD2345', counted: true, unlockedNow: false }),
    });

    render(<HelpCardPage />);

    expect(await screen.findByText('已有 2/5 位好友助力')).toBeTruthy();
    expect(screen.getByText('· 集满5位好友助力即可解锁「生日蛋糕升大一寸」，人数固定，无抽奖、无随机。')).toBeTruthy();
    await act(async () => {
      screen.getByText('登录并为TA助力').click();
    });

    expect(await screen.findByText('已有 3/5 位好友助力')).toBeTruthy();
    expect(screen.getByLabelText('好友3')).toBeTruthy();
    expect(screen.getByText('你已助力，谢谢你的心意')).toBeTruthy();
    expect(callsTo('help.assist').map((request) => request.data)).toEqual([{ shareId: 'hAbCdEfGhIjKl' }]);
    expect(taroStandIn.toasts).toContain('助力成功');
  });

  it('refuses politely when the friend has used up today’s helps', async () => {
    answerRoutes({
      'help.get': card(2, { loggedIn: true, isOwner: false, hasHelped: false, canHelp: true, blocker: null }),
      'help.assist': refusal(429, 'HELP_DAILY_LIMIT'),
    });

    render(<HelpCardPage />);
    const button = await screen.findByText('为TA助力');
    await act(async () => {
      button.click();
    });

    expect(taroStandIn.toasts).toEqual(['今天的助力次数已用完，明天再来吧']);
    expect(screen.getByText('已有 2/5 位好友助力')).toBeTruthy();
  });

  it('a share that was turned off, expired or never existed explains itself and offers a way on, not a retry', async () => {
    answerRoutes({ 'help.get': refusal(404, 'NOT_FOUND') });

    render(<HelpCardPage />);

    expect(await screen.findByText('这个分享已经失效了')).toBeTruthy();
    expect(screen.queryByText('重新加载')).toBeNull();
    await act(async () => {
      screen.getByText('去首页').click();
    });
    await act(async () => {
      screen.getByText('我也要过生日').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/home/index', '/pages/birthday/index']);
  });
});
