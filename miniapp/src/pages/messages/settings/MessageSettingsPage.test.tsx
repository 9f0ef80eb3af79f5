import { render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../../test/taroStandIn';
import { answerRoutes, ok } from '../../../../test/routes';
import { setSessionProvider } from '../../../api/client';
import { MessageSettingsPage } from './index';

const item = (template: string, title: string, remaining: number, status: 'none' | 'active' | 'rejected', marketing: boolean) => ({
  template,
  templateId: `tmpl-${template}`,
  title,
  purpose: '用途',
  remaining,
  status,
  marketing,
});

describe('MessageSettingsPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('shows each reminder as WeChat’s events left it, the “always keep” explanation and the marketing consent', async () => {
    answerRoutes({
      'subscriptions.mine': ok({
        items: [item('birthdayReminder', '生日提醒', 2, 'active', true), item('benefitExpiring', '权益到期提醒', 0, 'rejected', true), item('orderStatus', '订单状态通知', 0, 'none', false)],
        marketingConsent: false,
      }),
    });

    render(<MessageSettingsPage />);

    expect(await screen.findByText('还可接收 2 条')).toBeTruthy();
    expect(screen.getByText('已关闭')).toBeTruthy();
    expect(screen.getByText('未订阅')).toBeTruthy();
    expect(screen.getByText(/总是保持以上选择/)).toBeTruthy();
    expect(screen.getByText('未同意 ›')).toBeTruthy();
  });
});
