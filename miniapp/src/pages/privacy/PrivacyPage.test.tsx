import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { setSessionProvider } from '../../api/client';
import { isSignedOut } from '../../auth/sessionStore';
import { PrivacyPage } from './index';

const consents = {
  consents: [
    {
      purpose: 'birthday',
      title: '生日信息使用说明',
      text: '我们将保存你填写的生日',
      currentVersion: 'birthday-2026-01',
      granted: true,
      grantedVersion: 'birthday-2026-01',
      grantedAt: '2026-03-14T02:00:00Z',
      needsRenewal: false,
      withdrawnAt: null,
      withdrawnVia: null,
    },
  ],
  records: [],
};

describe('PrivacyPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
    taroStandIn.respond = (request) => {
      if (request.url.endsWith('/consents.list')) return { statusCode: 200, data: consents };
      if (request.url.endsWith('/members.delete')) return { statusCode: 200, data: { deleted: true } };
      return { statusCode: 404, data: { error: { code: 'ROUTE_NOT_FOUND', message: '' } } };
    };
  });

  it('shows each consent with its text, version and the date it was given', async () => {
    render(<PrivacyPage />);

    expect(await screen.findByText('生日信息使用说明')).toBeTruthy();
    expect(screen.getByText('已于 2026-03-14 同意 · 版本 birthday-2026-01')).toBeTruthy();
  });

  it('deletes the account only after confirmation, then forgets the session and goes home', async () => {
    render(<PrivacyPage />);
    await screen.findByText('生日信息使用说明');

    await act(async () => {
      screen.getByText('注销账号').click();
    });
    expect(taroStandIn.requests.some((request) => request.url.endsWith('/members.delete'))).toBe(false);
    await act(async () => {
      screen.getByText('确认注销').click();
    });

    const deletion = taroStandIn.requests.find((request) => request.url.endsWith('/members.delete'));
    expect(deletion?.data).toEqual({ confirm: true });
    expect(isSignedOut()).toBe(true);
    expect(taroStandIn.navigations).toEqual(['/pages/home/index']);
  });
});
