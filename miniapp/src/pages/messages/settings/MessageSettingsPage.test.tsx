import { act, render, screen } from '@testing-library/react';
import { consentTexts } from '@cakeday/shared';
import { taroStandIn } from '../../../../test/taroStandIn';
import { answerRoutes, callsTo, ok } from '../../../../test/routes';
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

const smsConsent = (overrides: object) => ({
  purpose: 'sms_marketing',
  title: consentTexts.sms_marketing.title,
  text: consentTexts.sms_marketing.text,
  currentVersion: consentTexts.sms_marketing.version,
  granted: false,
  grantedVersion: null,
  grantedAt: null,
  needsRenewal: false,
  withdrawnAt: null,
  withdrawnVia: null,
  ...overrides,
});
const consentList = (sms: object) => ok({ consents: [sms], records: [] });
const noSubscriptions = ok({ items: [], marketingConsent: true });

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

  it('shows the 短信营销 consent with the exact text, and a 退订 by SMS reply with its time; agreeing again grants the text’s version', async () => {
    const withdrawnByReply = smsConsent({ withdrawnAt: '2026-11-29T01:45:00Z', withdrawnVia: 'sms_reply' });
    const agreed = smsConsent({ granted: true, grantedVersion: consentTexts.sms_marketing.version, grantedAt: '2026-11-29T02:00:00Z' });
    answerRoutes({
      'subscriptions.mine': noSubscriptions,
      'consents.list': [consentList(withdrawnByReply), consentList(agreed)],
      'consents.grant': ok(agreed),
    });

    render(<MessageSettingsPage />);

    expect(await screen.findByText('短信营销')).toBeTruthy();
    expect(screen.getByText(consentTexts.sms_marketing.text)).toBeTruthy();
    expect(screen.getByText(`已于 2026-11-29 09:45 回复短信退订 · 版本 ${consentTexts.sms_marketing.version}`)).toBeTruthy();
    await act(async () => {
      screen.getByRole('switch').click();
    });

    expect(callsTo('consents.grant').map((request) => request.data)).toEqual([{ purpose: 'sms_marketing', version: consentTexts.sms_marketing.version }]);
    expect(await screen.findByText(`已于 2026-11-29 同意 · 版本 ${consentTexts.sms_marketing.version}`)).toBeTruthy();
  });

  it('withdrawing the SMS consent here records it at once', async () => {
    const agreed = smsConsent({ granted: true, grantedVersion: consentTexts.sms_marketing.version, grantedAt: '2026-11-01T02:00:00Z' });
    const withdrawn = smsConsent({ withdrawnAt: '2026-11-29T02:00:00Z', withdrawnVia: 'app' });
    answerRoutes({
      'subscriptions.mine': noSubscriptions,
      'consents.list': [consentList(agreed), consentList(withdrawn)],
      'consents.withdraw': ok(withdrawn),
    });

    render(<MessageSettingsPage />);

    expect(await screen.findByText(`已于 2026-11-01 同意 · 版本 ${consentTexts.sms_marketing.version}`)).toBeTruthy();
    await act(async () => {
      screen.getByRole('switch').click();
    });

    expect(callsTo('consents.withdraw').map((request) => request.data)).toEqual([{ purpose: 'sms_marketing' }]);
    expect(await screen.findByText(`已于 2026-11-29 撤回 · 版本 ${consentTexts.sms_marketing.version}`)).toBeTruthy();
  });
});
