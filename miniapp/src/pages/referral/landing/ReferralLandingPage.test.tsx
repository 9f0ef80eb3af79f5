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
    });

    render(<ReferralLandingPage />);
    expect(screen.getByText('好友邀请你加入 Cakeday')).toBeTruthy();
    expect(await screen.findByText('· 新会员可获得首单优惠券。')).toBeTruthy();
    await act(async () => {
      screen.getByText('微信一键加入').click();
    });

    expect(callsTo('auth.login').map((request) => request.data)).toEqual([
      { code: 'login-code', shareId: 'iAbCdEfGhIjKl', referralCode: 'ABCD2345' },
    ]);
    expect(taroStandIn.navigations).toEqual(['/pages/home/index']);
  });
});
