import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, refused, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { renderConsole } from '../../../test/renderConsole';

const purchase = (overrides: Record<string, unknown> = {}) => ({
  id: 'b00000000000000000000001',
  receiptNo: 'R-520',
  channel: 'store',
  store: { id: '65f0000000000000000000aa', name: '人民广场店' },
  memberId: 'c00000000000000000000001',
  purchasedAt: '2026-06-10T12:00:00.000+08:00',
  totalFen: 53_000,
  discountFen: 1000,
  paidFen: 52_000,
  refundedFen: 26_000,
  pointsEarned: 520,
  pointsRedeemed: 0,
  pointsRedeemedFen: 0,
  couponsUsed: 1,
  tierBefore: 'basic',
  tierAfter: 'gold',
  state: 'settled',
  refunds: [{ refundNo: 'F-1', refundFen: 26_000, at: '2026-06-10T13:00:00.000+08:00' }],
  ...overrides,
});

const detail = {
  ...purchase(),
  integrationName: '人民广场店收银',
  lines: [{ sku: 'CAKE-8', name: '8寸生日蛋糕', qty: 1, amountFen: 53_000 }],
  coupons: [{ id: 'd00000000000000000000001', title: '满50减10券', status: 'used' }],
  refundRecords: [{ refundNo: 'F-1', refundFen: 26_000, at: '2026-06-10T13:00:00.000+08:00', state: 'settled', refusal: null, pointsClawedBack: 260, pointsReturned: 0, couponsRestored: 0 }],
};

describe('消费记录', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.stores.list', () => ok({ items: [], total: 0, page: 1, pageSize: 50 }));
  });

  it("a store manager's list is their store's; a purchase opens with its lines, coupons, refunds and points", async () => {
    bff.on('ops.me', () => ok(sessionOf(['store_manager'])));
    bff.on('ops.purchases.list', () => ok({ items: [purchase()], total: 1, page: 1, pageSize: 20 }));
    bff.on('ops.purchases.get', (input) => (input.id === 'b00000000000000000000001' ? ok(detail) : refused(404, 'NOT_FOUND')));
    renderConsole('/purchases', { signedIn: true });
    // The first render of the page's chunk is slow in jsdom on a busy machine.
    expect(await screen.findByText('普卡 → 金卡', {}, { timeout: 60_000 })).toBeTruthy();
    expect(screen.getByText('+520 积分')).toBeTruthy();
    expect(bff.callsTo('ops.purchases.list')[0]).toMatchObject({ storeId: '65f0000000000000000000aa', page: 1 });

    fireEvent.click(screen.getByText('详情'));
    const drawer = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-drawer-content');
      if (!found) throw new Error('no drawer');
      return found;
    });
    expect(await within(drawer).findByText('8寸生日蛋糕')).toBeTruthy();
    expect(within(drawer).getByText('满50减10券')).toBeTruthy();
    expect(within(drawer).getByText('−260')).toBeTruthy();
    expect(bff.callsTo('ops.purchases.get')).toEqual([{ id: 'b00000000000000000000001' }]);
  }, 120_000);

  it('filters by receipt and member', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    bff.on('ops.purchases.list', () => ok({ items: [purchase()], total: 1, page: 1, pageSize: 20 }));
    renderConsole('/purchases', { signedIn: true });
    expect(await screen.findByText('R-520', {}, { timeout: 60_000 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('小票号'), { target: { value: 'R-520' } });
    fireEvent.change(screen.getByLabelText('会员 ID'), { target: { value: 'c00000000000000000000001' } });
    fireEvent.click(screen.getByText(/^查\s*询$/));
    await waitFor(() => expect(bff.callsTo('ops.purchases.list').at(-1)).toMatchObject({ receiptNo: 'R-520', memberId: 'c00000000000000000000001' }));
    expect(bff.callsTo('ops.purchases.list')[0]).not.toHaveProperty('storeId');
  }, 120_000);
});
