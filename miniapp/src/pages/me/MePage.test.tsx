import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildMember } from '../../../test/fixtures';
import { answerRoutes, ok } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { MePage } from './index';

describe('MePage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('leads to orders, coupons, the wishlist, help and invites; staff also see their store’s write-off desk', async () => {
    answerRoutes({
      'members.me': ok(buildMember()),
      'writeoff.staffProfile': ok({ isStaff: true, store: { id: 's1', code: 'SH001', name: '静安寺店' } }),
    });

    render(<MePage />);

    expect(await screen.findByText('2 张可用 ›')).toBeTruthy();
    for (const title of ['我的订单', '生日心愿清单', '生日助力', '邀请好友']) expect(screen.getByText(title)).toBeTruthy();
    expect(await screen.findByText('静安寺店 ›')).toBeTruthy();
    await act(async () => {
      screen.getByText('门店核销').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/writeoff/index']);
  });

  it('marks a nickname that waits for a content review as 审核中 (only the member sees it)', async () => {
    answerRoutes({ 'members.me': ok(buildMember({ nickname: '加微信聊', nicknameInReview: true })), 'writeoff.staffProfile': ok({ isStaff: false, store: null }) });

    render(<MePage />);

    expect(await screen.findByText('审核中')).toBeTruthy();
  });

  it('shows 消息中心 with the unread count, and leads there', async () => {
    answerRoutes({
      'members.me': ok(buildMember()),
      'writeoff.staffProfile': ok({ isStaff: false, store: null }),
      'messages.list': ok({ items: [], total: 3, unreadCount: 3 }),
    });

    render(<MePage />);

    expect(await screen.findByText('3 条未读 ›')).toBeTruthy();
    await act(async () => {
      screen.getByText('消息中心').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/messages/index']);
  });

  it('shows no write-off desk to an ordinary member', async () => {
    answerRoutes({ 'members.me': ok(buildMember()), 'writeoff.staffProfile': ok({ isStaff: false, store: null }) });

    render(<MePage />);

    expect(await screen.findByText('我的订单')).toBeTruthy();
    expect(screen.queryByText('门店核销')).toBeNull();
  });

  it('shows the avatar and opens 头像和昵称 from the name; a member without one is invited to set them', async () => {
    answerRoutes({ 'members.me': ok(buildMember({ nickname: null, avatarUrl: 'http://bff/media/avatars/abc' })), 'writeoff.staffProfile': ok({ isStaff: false, store: null }) });

    render(<MePage />);

    expect(await screen.findByText('设置头像和昵称')).toBeTruthy();
    expect(document.querySelector('img[src="http://bff/media/avatars/abc"]')).toBeTruthy();
    expect(document.querySelector('input[type="file"]')).toBeTruthy();
    await act(async () => {
      screen.getByText('设置头像和昵称').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/profile/index']);
  });

  it('服务与帮助 leads to the rules, the stores, the FAQ, the agreement and the privacy policy', async () => {
    answerRoutes({ 'members.me': ok(buildMember()), 'writeoff.staffProfile': ok({ isStaff: false, store: null }) });

    render(<MePage />);

    await screen.findByText('我的订单');
    for (const title of ['会员规则', '门店', '常见问题', '会员协议', '隐私政策']) {
      await act(async () => {
        screen.getByText(title).click();
      });
    }
    expect(taroStandIn.navigations).toEqual([
      '/pages/rules/index',
      '/pages/stores/index',
      '/pages/service/faq/index',
      '/pages/service/agreement/index',
      '/pages/service/privacy-policy/index',
    ]);
  });

  it('asks before logging out', async () => {
    answerRoutes({ 'members.me': ok(buildMember()), 'writeoff.staffProfile': ok({ isStaff: false, store: null }) });

    render(<MePage />);
    await screen.findByText('我的订单');

    await act(async () => {
      screen.getByText('退出登录').click();
    });
    expect(screen.getByText('退出登录？')).toBeTruthy();
    await act(async () => {
      screen.getByText('取消').click();
    });
    expect(taroStandIn.navigations).toEqual([]);
  });
});
