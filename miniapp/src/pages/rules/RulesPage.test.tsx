import { act, render, screen } from '@testing-library/react';
import { DEFAULT_PROGRAM_SETTINGS, memberRulesOf } from '@cakeday/shared';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildSettingsRules } from '../../../test/fixtures';
import { answerRoutes, ok, refusal } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { RulesPage } from './index';
import { TierBenefitsPage } from './tiers/index';

describe('RulesPage (会员规则)', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => null, renew: async () => null });
  });

  it('renders the rules in force from settings.rules: tiers, earn rates, expiry, birthday, mall, referral', async () => {
    const settings = { ...DEFAULT_PROGRAM_SETTINGS, tiers: { goldFen: 60_050, diamondFen: 250_000 }, birthday: { ...DEFAULT_PROGRAM_SETTINGS.birthday, minDaysSetBeforeBenefits: 30 } };
    answerRoutes({ 'settings.rules': ok(buildSettingsRules({ ...memberRulesOf(settings), version: 7, effectiveFrom: '2026-11-01T00:00:00+08:00' })) });

    render(<RulesPage />);

    expect(await screen.findByText('金卡：近12个月消费满 ¥600.5')).toBeTruthy();
    expect(screen.getByText('钻石卡：近12个月消费满 ¥2500')).toBeTruthy();
    expect(screen.getByText('金卡：每消费 1 元得 1.5 积分')).toBeTruthy();
    expect(screen.getByText('钻石卡生日月：每消费 1 元得 4 积分（2 倍）')).toBeTruthy();
    expect(screen.getByText(/生日需在生日前至少30天设置/)).toBeTruthy();
    expect(screen.getByText('积分于获得次年12月31日24时过期')).toBeTruthy();
    expect(screen.getByText('需付现金的订单请在15分钟内支付，超时自动取消，已扣积分原路退回')).toBeTruthy();
    expect(screen.getByText('规则版本 7，自 2026-11-01 起生效')).toBeTruthy();
    for (const title of ['会员等级', '积分获取', '积分有效期', '生日礼遇', '积分商城', '邀请好友']) expect(screen.getByRole('heading', { name: title })).toBeTruthy();
    expect(callsWithoutSession()).toBe(true);

    await act(async () => {
      screen.getByText('查看各等级权益对比 ›').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/rules/tiers/index']);
  });

  it('offers a retry when the rules cannot be loaded', async () => {
    answerRoutes({ 'settings.rules': refusal(503, 'SERVICE_UNAVAILABLE') });
    render(<RulesPage />);
    expect(await screen.findByText('重新加载')).toBeTruthy();
  });
});

describe('TierBenefitsPage (等级权益)', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => null, renew: async () => null });
  });

  it('compares 普卡 / 金卡 / 钻石卡 row by row and marks the member’s own tier', async () => {
    taroStandIn.params = { tier: 'gold' };
    answerRoutes({ 'settings.rules': ok(buildSettingsRules()) });

    render(<TierBenefitsPage />);

    expect(await screen.findByText('金卡（当前）')).toBeTruthy();
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual([
      '权益普卡金卡（当前）钻石卡',
      '获得条件注册即享近12个月消费满 ¥500近12个月消费满 ¥2000',
      '消费积分每消费 1 元得 1 积分每消费 1 元得 1.5 积分每消费 1 元得 2 积分',
      '生日月积分每消费 1 元得 1 积分（同平日）每消费 1 元得 1.5 积分（同平日）每消费 1 元得 4 积分（2 倍）',
      '生日助力5 位好友即可解锁4 位好友即可解锁3 位好友即可解锁',
    ]);
  });
});

/** The rules are public: no call carried a member's token. */
function callsWithoutSession(): boolean {
  return taroStandIn.requests.every((request) => !('Authorization' in (request.header ?? {})));
}
