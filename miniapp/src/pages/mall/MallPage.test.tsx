import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildMallItemSummary } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { MallPage } from './index';

const course = buildMallItemSummary();
const cup = buildMallItemSummary({
  id: 'a00000000000000000000002',
  title: '会员周边马克杯',
  kind: 'physical',
  kindLabel: '会员周边',
  tierRequired: 'gold',
  tierBadge: '金卡专享',
  tierAllowed: false,
});
const donation = buildMallItemSummary({ id: 'a00000000000000000000003', title: '公益捐赠一份早餐', kind: 'charity', soldOut: true, stock: 0 });

describe('MallPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('shows the balance, tier badges and sold-out items, filters by kind and opens an item', async () => {
    answerRoutes({
      'mall.list': (request) =>
        (request.data as { kind?: string }).kind === 'physical'
          ? ok({ items: [cup], nextCursor: null, viewer: { balance: 1200, tierLevel: 'basic' } })
          : ok({ items: [course, cup, donation], nextCursor: null, viewer: { balance: 1200, tierLevel: 'basic' } }),
    });

    render(<MallPage />);

    expect(await screen.findByText('烘焙课体验券')).toBeTruthy();
    expect(screen.getByText('1200')).toBeTruthy();
    expect(screen.getByText('金卡专享')).toBeTruthy();
    expect(screen.getByText('已兑完')).toBeTruthy();

    await act(async () => {
      screen.getByText('会员周边').click();
    });
    await screen.findByText('会员周边马克杯');
    expect(screen.queryByText('烘焙课体验券')).toBeNull();
    expect(callsTo('mall.list').map((request) => request.data)).toEqual([
      { section: 'points', limit: 20 },
      { section: 'points', kind: 'physical', limit: 20 },
    ]);

    await act(async () => {
      screen.getByText('会员周边马克杯').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/mall-item/index?id=a00000000000000000000002']);
  });

  it('keeps cash-only gifts in their own 送礼 section, with the way to the wishlist', async () => {
    const flowers = buildMallItemSummary({ id: 'a00000000000000000000004', title: '生日鲜花', kind: 'physical', pointsPrice: 0, cashFen: 9900, priceText: '¥99' });
    answerRoutes({
      'mall.list': (request) =>
        (request.data as { section?: string }).section === 'gifts'
          ? ok({ items: [flowers], nextCursor: null, viewer: null })
          : ok({ items: [course], nextCursor: null, viewer: null }),
    });

    render(<MallPage />);
    expect(await screen.findByText('烘焙课体验券')).toBeTruthy();
    expect(screen.queryByText('生日鲜花')).toBeNull();

    await act(async () => {
      screen.getByText('送礼').click();
    });
    expect(await screen.findByText('生日鲜花')).toBeTruthy();
    expect(screen.queryByText('烘焙课体验券')).toBeNull();
    expect(callsTo('mall.list').at(-1)?.data).toEqual({ section: 'gifts', limit: 20 });
    await act(async () => {
      screen.getByText('我的心愿清单 ›').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/wishlist/index']);
  });
});
