import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../../test/taroStandIn';
import { buildSettingsRules } from '../../../../test/fixtures';
import { answerRoutes, callsTo, ok } from '../../../../test/routes';
import { installSession } from '../../../auth/session';
import { ReferralLandingPage } from './index';

jest.mock('../../../sandbox/sandboxControl', () => ({
  mintSandboxLoginCode: jest.fn(async () => 'login-code'),
}));

describe('ReferralLandingPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    installSession();
    taroStandIn.params = { scene: encodeURIComponent('iAbCdEfGhIjKl.ABCD2345') };
  });

  it('lets a visitor join with one tap, passing the sharer’s referral code with the first login', async () => {
    answerRoutes({
      'auth.login': ok({ token: 't', expiresAt: '2099-01-01T00:00:00Z', member: { id: 'm', isNew: true } }),
      'settings.rules': ok(buildSettingsRules()),
      'referral.invite': ok({ inviter: null, welcome: null }),
    });

    render(<ReferralLandingPage />);
    expect(await screen.findByText('好友邀请你加入 Cakeday')).toBeTruthy();
    expect(await screen.findByText('· 新会员可获得首单优惠券。')).toBeTruthy();
    await act(async () => {
      screen.getByText('微信一键加入').click();
    });

    expect(callsTo('auth.login').map((request) => request.data)).toEqual([
      { code: 'login-code', shareId: 'iAbCdEfGhIjKl', referralCode: 'ABCD2345' },
    ]);
    expect(taroStandIn.navigations).toEqual(['/pages/home/index']);
  });

  it('names the inviter and states what the newcomer gets, with the agreement and the policy beside the button', async () => {
    answerRoutes({
      'settings.rules': ok(buildSettingsRules()),
      'referral.invite': ok({ inviter: { nickname: '阿梅', avatarUrl: 'http://bff/media/avatars/abc' }, welcome: { title: '新会员首单8折券', description: '首单蛋糕饮品8折', validDays: 14 } }),
    });

    render(<ReferralLandingPage />);

    expect(await screen.findByText('阿梅 邀请你加入 Cakeday')).toBeTruthy();
    expect(screen.getByText('加入即得「新会员首单8折券」（首单蛋糕饮品8折），14 天内有效。设置生日还能领取专属生日礼、和好友一起过生日。')).toBeTruthy();
    expect(callsTo('referral.invite').map((request) => request.data)).toEqual([{ code: 'ABCD2345' }]);
    expect(callsTo('auth.login')).toHaveLength(0);
    await act(async () => {
      screen.getByText('《会员协议》').click();
    });
    await act(async () => {
      screen.getByText('《隐私政策》').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/service/agreement/index', '/pages/service/privacy-policy/index']);
  });
});
