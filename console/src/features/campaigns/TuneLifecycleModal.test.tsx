import { fireEvent, screen, waitFor } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { button, findDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';
import { opsCampaign } from '../../../test/fixtures';

const care = opsCampaign({
  id: 'c00000000000000000000002',
  name: '90天未消费关怀礼',
  trigger: { kind: 'inactive', days: 90 },
  message: { template: 'benefitExpiring', fields: {}, page: 'pages/coupons/index', inboxTitle: '给你的关怀礼' },
  holdoutPermille: 50,
  endsAt: '2036-01-01T08:00:00.000+08:00',
  variants: [{ key: 'main', name: '默认版本', weight: 1, message: null, sendDelayDays: 0, benefit: { couponTemplate: 'care-10-off' } }],
  actions: ['submit'],
  version: 3,
  createdBy: { id: 'op1', displayName: '系统预置' },
});

const couponInput = (): HTMLInputElement => {
  const found = document.getElementById('couponTemplate');
  if (!(found instanceof HTMLInputElement)) throw new Error('no coupon input');
  return found;
};

describe('营销活动 · 调整参数: the programme’s coupon is its default variant’s benefit', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    bff.on('ops.campaigns.list', () => ok({ items: [care], total: 1, page: 1, pageSize: 20 }));
    bff.on('ops.campaigns.update', () => ok(care));
  });

  async function tune(): Promise<HTMLElement> {
    // The first render of the page's chunk is slow in jsdom on a busy machine.
    fireEvent.click(await screen.findByText('调整参数', {}, { timeout: 60_000 }));
    const dialog = await findDialog('调整参数：90天未消费关怀礼');
    expect(couponInput().value).toBe('care-10-off');
    return dialog;
  }

  it('a changed coupon is saved on the default variant, an empty one leaves a message only; no campaign-level field', async () => {
    renderConsole('/campaigns', { signedIn: true });
    const dialog = await tune();
    fireEvent.change(couponInput(), { target: { value: 'welcome-5-off' } });
    fireEvent.click(button(/^保\s*存$/, dialog));
    await waitFor(() => expect(bff.callsTo('ops.campaigns.update')).toHaveLength(1));
    const [saved] = bff.callsTo('ops.campaigns.update') as Record<string, unknown>[];
    expect(saved?.variants).toEqual([{ key: 'main', name: '默认版本', weight: 1, message: null, sendDelayDays: 0, benefit: { couponTemplate: 'welcome-5-off' } }]);
    expect(saved).not.toHaveProperty('benefit');

    // Saved, the dialog closes; opened again (the list still has the coupon), emptied.
    await waitFor(() => expect(document.getElementById('couponTemplate')).toBeNull());
    const again = await tune();
    fireEvent.change(couponInput(), { target: { value: '' } });
    fireEvent.click(button(/^保\s*存$/, again));
    await waitFor(() => expect(bff.callsTo('ops.campaigns.update')).toHaveLength(2));
    expect((bff.callsTo('ops.campaigns.update')[1] as Record<string, unknown>).variants).toEqual([]);
  }, 120_000);
});
