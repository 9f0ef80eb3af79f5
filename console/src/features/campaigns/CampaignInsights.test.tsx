import { screen } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { findDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';
import { opsCampaign } from '../../../test/fixtures';

const campaign = opsCampaign();

describe('营销活动: 试运行 by channel', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    bff.on('ops.campaigns.list', () => ok({ items: [campaign], total: 1, page: 1, pageSize: 20 }));
    bff.on('ops.campaigns.dryRun', () =>
      ok({ audienceSize: 9, skipped: { no_quota: 4 }, wouldSend: 3, channels: { subscription: 3, sms: 2, neither: { no_phone: 1, sms_unsubscribed: 2, holdout: 1 } }, sample: [], benefits: 6 }),
    );
    bff.on('ops.campaigns.report', () => ok({ byState: { queued: 0, sending: 0, sent: 0, failed: 0, skipped: 0, unknown: 0 }, skippedByReason: {}, failedByErrcode: {}, opened: 0, followUps: { claimedBenefit: 0, placedOrder: 0 }, benefits: { granted: 5, used: 2 }, total: 0 }));
  });

  it('shows how many get the subscription message, how many the SMS instead, and who neither and why', async () => {
    renderConsole('/campaigns', { signedIn: true });
    // The first render of the page's chunk is slow in jsdom on a busy machine.
    (await screen.findByText('试运行与报表', {}, { timeout: 60_000 })).click();
    await findDialog('会员日：试运行与投递报表');
    expect(await screen.findByText('3 人')).toBeTruthy();
    expect(screen.getByText('2 人')).toBeTruthy();
    expect(screen.getByText('未绑定手机号 1，已回复退订短信 2，对照组 1')).toBeTruthy();
    expect(screen.getByText('6 人（随消息发放，含仅消息中心）')).toBeTruthy();
    expect(await screen.findByText('已发放 5 张，已使用 2 张')).toBeTruthy();
  }, 120_000);
});
