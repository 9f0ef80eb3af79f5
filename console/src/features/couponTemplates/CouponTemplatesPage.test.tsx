import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { button, findDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

const noConditions = { firstOrderOnly: false, tiers: [], birthdayMonthOnly: false, storeIds: [], channels: [] };
const template = (overrides: Record<string, unknown> = {}) => ({
  id: 'a00000000000000000000001',
  code: 'gold-store-10',
  title: '满50减10券',
  description: '',
  type: 'amount_off',
  amountOffFen: 1000,
  percentOff: null,
  minSpendFen: 5000,
  freeItemName: null,
  valueText: '¥10',
  conditionText: '满50元可用',
  conditions: noConditions,
  restrictionTexts: [],
  validDays: 30,
  active: true,
  createdAt: '2026-06-01T10:00:00.000+08:00',
  updatedAt: '2026-06-01T10:00:00.000+08:00',
  version: 3,
  ...overrides,
});

describe('券模板: conditions', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    bff.on('ops.stores.list', () => ok({ items: [], total: 0, page: 1, pageSize: 50 }));
  });

  it("shows each template's conditions in words and edits the channels, tiers and first-order condition on the version it loaded", async () => {
    bff.on('ops.couponTemplates.list', () => ok({ items: [template({ restrictionTexts: ['限生日当月使用', '限门店使用'] })], total: 1, page: 1, pageSize: 20 }));
    bff.on('ops.couponTemplates.update', () => ok(template({ version: 4 })));
    renderConsole('/coupon-templates', { signedIn: true });
    // The first render of the page's chunk (antd's form controls included) is slow in jsdom on a busy machine.
    expect(await screen.findByText('限生日当月使用；限门店使用', {}, { timeout: 60_000 })).toBeTruthy();
    fireEvent.click(screen.getByText('编辑'));
    const dialog = await findDialog('编辑券模板：满50减10券');
    fireEvent.click(within(dialog).getByLabelText('门店'));
    fireEvent.click(within(dialog).getByLabelText('金卡'));
    fireEvent.click(within(dialog).getByLabelText('钻石卡'));
    fireEvent.click(within(dialog).getByLabelText('仅限首单使用'));
    fireEvent.click(button(/^保\s*存$/, dialog));

    await waitFor(() => expect(bff.callsTo('ops.couponTemplates.update')).toHaveLength(1));
    expect(bff.callsTo('ops.couponTemplates.update')[0]).toMatchObject({
      id: 'a00000000000000000000001',
      version: 3,
      minSpendFen: 5000,
      conditions: { firstOrderOnly: true, tiers: ['gold', 'diamond'], birthdayMonthOnly: false, storeIds: [], channels: ['store'] },
    });
  }, 120_000);
});
