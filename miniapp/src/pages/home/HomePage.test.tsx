import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildMember } from '../../../test/fixtures';
import { setSessionProvider } from '../../api/client';
import { HomePage } from './index';

function answerMembersMe(...answers: Array<{ statusCode: number; data: unknown }>): void {
  const queue = [...answers];
  taroStandIn.respond = () => queue.shift() ?? { statusCode: 500, data: null };
}

describe('HomePage', () => {
  beforeEach(() => {
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
});
