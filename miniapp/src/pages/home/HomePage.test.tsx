import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildBenefitPackage, buildBirthdayBenefits, buildMember } from '../../../test/fixtures';
import { setSessionProvider } from '../../api/client';
import { HomePage } from './index';

const noBirthday = { statusCode: 200, data: buildBirthdayBenefits({ available: false, unavailableReason: 'no_birthday', packages: [] }) };

/** members.me answers in turn; birthday.benefits answers `benefits` (by default: no birthday yet). */
function answerMembersMe(...answers: Array<{ statusCode: number; data: unknown }>): void {
  const queue = [...answers];
  taroStandIn.respond = (request) => {
    if (request.url.endsWith('/birthday.benefits')) return benefits.shift() ?? noBirthday;
    if (request.url.endsWith('/birthday.claim')) return claimAnswer;
    return queue.shift() ?? { statusCode: 500, data: null };
  };
}

let benefits: Array<{ statusCode: number; data: unknown }> = [];
let claimAnswer: { statusCode: number; data: unknown } = { statusCode: 500, data: null };

describe('HomePage', () => {
  beforeEach(() => {
    benefits = [];
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('shows a skeleton, then the greeting, the birthday prompt, the tier progress and the points', async () => {
    answerMembersMe({ statusCode: 200, data: buildMember() });

    render(<HomePage />);

    expect(screen.getByLabelText('加载中')).toBeTruthy();
    expect(await screen.findByText('设置生日，领取生日礼')).toBeTruthy();
    expect(screen.getByText(/小蛋糕/)).toBeTruthy();
    expect(screen.getByText('普卡会员')).toBeTruthy();
    expect(screen.getByText('再消费 ¥380 升级为金卡')).toBeTruthy();
    expect(screen.getByText('320')).toBeTruthy();
  });

  it('greets a member without a nickname without inventing one, and opens the tier benefits from the tier card', async () => {
    answerMembersMe({ statusCode: 200, data: buildMember({ nickname: null, tier: { ...buildMember().tier, level: 'gold', name: '金卡' } }) });

    render(<HomePage />);

    expect(await screen.findByText(/，欢迎回来$/)).toBeTruthy();
    expect(screen.queryByText(/Cakeday 会员/)).toBeNull();
    await act(async () => {
      screen.getByText('等级权益 ›').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/rules/tiers/index?tier=gold']);
  });

  it('shows the countdown once a birthday is set, and points about to expire', async () => {
    answerMembersMe({
      statusCode: 200,
      data: buildMember({
        birthday: { month: 6, day: 15, year: null },
        points: {
          balance: 320,
          expiringSoon: { points: 40, before: '2026-02-10T10:00:00+08:00', firstExpiresAt: '2026-01-31T16:00:00Z' },
        },
      }),
    });

    render(<HomePage />);

    expect(await screen.findByText(/距离生日还有 \d+ 天|生日快乐！|生日月快乐！/)).toBeTruthy();
    expect(screen.getByText(/6月15日/)).toBeTruthy();
    expect(screen.getByText('40 积分将在 30 天内过期（最早 2026-02-01）')).toBeTruthy();
  });

  it('maps a failure to Chinese text with a retry, and never shows the code', async () => {
    answerMembersMe(
      { statusCode: 503, data: { error: { code: 'SERVICE_UNAVAILABLE', message: 'x' } } },
      { statusCode: 200, data: buildMember() },
    );

    const { container } = render(<HomePage />);

    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    expect(container.textContent).not.toContain('SERVICE_UNAVAILABLE');
    await act(async () => {
      screen.getByText('重新加载').click();
    });
    expect(await screen.findByText('设置生日，领取生日礼')).toBeTruthy();
  });

  it('shows the birthday packages for the tier and claims one, once, with the toast and the refreshed card', async () => {
    const claimed = buildBirthdayBenefits({
      packages: [buildBenefitPackage({ state: 'claimed', claimedAt: '2026-06-10T02:00:00Z' })],
      claimableCount: 0,
    });
    benefits = [{ statusCode: 200, data: buildBirthdayBenefits() }, { statusCode: 200, data: claimed }];
    claimAnswer = {
      statusCode: 200,
      data: { packageCode: 'basic-month', title: '生日月礼包', celebrationYear: 2026, claimedAt: '2026-06-10T02:00:00Z', coupons: [{ couponId: 'c1', templateCode: 'birthday-10-off', title: '生日月9折券' }], benefits: claimed },
    };
    answerMembersMe({ statusCode: 200, data: buildMember({ birthday: { month: 6, day: 15, year: null } }) });

    render(<HomePage />);

    expect(await screen.findByText('普卡生日礼')).toBeTruthy();
    expect(screen.getByText('1 份待领取')).toBeTruthy();
    expect(screen.getByText('生日月9折券')).toBeTruthy();
    await act(async () => {
      screen.getByText('领取').click();
    });

    expect(await screen.findByText('已领取')).toBeTruthy();
    expect(screen.queryByText('领取')).toBeNull();
    expect(taroStandIn.requests.filter((request) => request.url.endsWith('/birthday.claim')).map((request) => request.data)).toEqual([
      { packageCode: 'basic-month' },
    ]);
    expect(taroStandIn.toasts).toContain('领取成功，券已放入我的券');
  });

  it('says first when this birthday\'s benefits are locked (the birthday was set too late) and from which birthday they start', async () => {
    const notice = '生日设置不足30天，2026年的生日礼遇暂不可享受，将从2027年6月15日的生日起享受';
    benefits = [
      {
        statusCode: 200,
        data: buildBirthdayBenefits({
          benefitsLocked: { celebration: '2026-06-15', startsOn: '2027-06-15', notice },
          packages: [buildBenefitPackage({ state: 'upcoming', celebrationYear: 2027, daysUntilOpen: 351 })],
          claimableCount: 0,
        }),
      },
    ];
    answerMembersMe({ statusCode: 200, data: buildMember({ birthday: { month: 6, day: 15, year: null } }) });

    render(<HomePage />);

    expect(await screen.findByText(notice)).toBeTruthy();
    expect(screen.getByText('待开放')).toBeTruthy();
    expect(screen.queryByText('领取')).toBeNull();
  });

  it('shows the e-card greeting on the day, and a package that opens later without a claim button', async () => {
    benefits = [
      {
        statusCode: 200,
        data: buildBirthdayBenefits({
          isBirthdayToday: true,
          daysUntilBirthday: 0,
          greeting: { title: '小蛋糕，生日快乐！', message: '愿你的每一天都甜甜的' },
          packages: [buildBenefitPackage({ code: 'gold-day', title: '生日当天礼', state: 'upcoming', daysUntilOpen: 3, windowText: '生日当天起3天内可领取' })],
          claimableCount: 0,
        }),
      },
    ];
    answerMembersMe({ statusCode: 200, data: buildMember({ birthday: { month: 6, day: 15, year: null } }) });

    render(<HomePage />);

    expect(await screen.findByText('小蛋糕，生日快乐！')).toBeTruthy();
    expect(screen.getByText('愿你的每一天都甜甜的')).toBeTruthy();
    expect(screen.getByText('3 天后开放 · 生日当天起3天内可领取')).toBeTruthy();
    expect(screen.getByText('待开放')).toBeTruthy();
    expect(screen.queryByText('领取')).toBeNull();
  });
  it('offers 晒出你的生日 once a birthday benefit is claimed, opening the composer with #晒生日# preset', async () => {
    benefits = [{ statusCode: 200, data: buildBirthdayBenefits({ packages: [buildBenefitPackage({ state: 'claimed', claimedAt: '2026-06-10T02:00:00Z' })], claimableCount: 0 }) }];
    answerMembersMe({ statusCode: 200, data: buildMember({ birthday: { month: 6, day: 15, year: null } }) });

    render(<HomePage />);

    const showOff = await screen.findByText('晒出你的生日');
    await act(async () => {
      showOff.click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/community-post/compose/index?topic=birthday']);
  });

  it('does not offer it before anything is claimed', async () => {
    benefits = [{ statusCode: 200, data: buildBirthdayBenefits() }];
    answerMembersMe({ statusCode: 200, data: buildMember({ birthday: { month: 6, day: 15, year: null } }) });
    render(<HomePage />);
    expect(await screen.findByText('普卡生日礼')).toBeTruthy();
    expect(screen.queryByText('晒出你的生日')).toBeNull();
  });
});
