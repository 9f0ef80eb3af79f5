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
    expect(callsTo('mall.list').map((request) => request.data)).toEqual([{ limit: 20 }, { kind: 'physical', limit: 20 }]);

    await act(async () => {
      screen.getByText('会员周边马克杯').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/mall-item/index?id=a00000000000000000000002']);
  });
});
