import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, refused, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { mallItem } from '../../../test/fixtures';
import { button, findDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

describe('adjusting a mall item’s stock', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
  });

  async function openStockAdjust(): Promise<HTMLElement> {
    renderConsole('/mall-items', { signedIn: true });
    fireEvent.click(await screen.findByText('库存调整'));
    const dialog = await findDialog('库存调整：会员周边帆布袋');
    fireEvent.change(within(dialog).getByLabelText('增减数量'), { target: { value: '-4' } });
    fireEvent.change(within(dialog).getByLabelText('调整原因'), { target: { value: '盘点少了 4 件' } });
    fireEvent.click(button('确认调整', dialog));
    return dialog;
  }

  it('sends a delta (never a number) with the version the table loaded and the reason', async () => {
    let stock = 80;
    bff.on('ops.mallItems.list', () => ok({ items: [mallItem({ stock })], total: 1, page: 1, pageSize: 20 }));
    bff.on('ops.mallItems.adjustStock', (input) => {
      stock += Number(input.delta);
      return ok(mallItem({ stock, version: 4 }));
    });
    await openStockAdjust();

    expect(await screen.findByText('库存已调整为 76')).toBeTruthy();
    expect(bff.callsTo('ops.mallItems.adjustStock')).toEqual([{ id: mallItem().id, version: 3, delta: -4, reason: '盘点少了 4 件' }]);
    // The table reloads with the new stock.
    await waitFor(() => expect(bff.callsTo('ops.mallItems.list')).toHaveLength(2));
  });

  it('on STALE_VERSION says the item changed and offers the reload', async () => {
    bff.on('ops.mallItems.list', () => ok({ items: [mallItem()], total: 1, page: 1, pageSize: 20 }));
    bff.on('ops.mallItems.adjustStock', () => refused(409, 'STALE_VERSION'));
    const dialog = await openStockAdjust();

    expect(await within(dialog).findByText('数据已被他人修改，本次修改未保存')).toBeTruthy();
    fireEvent.click(button(/^刷\s*新$/, dialog));
    await waitFor(() => expect(bff.callsTo('ops.mallItems.list')).toHaveLength(2));
  });

  it('shows the catalog without write actions to a role that may only read it', async () => {
    bff.on('ops.me', () => ok(sessionOf(['store_manager'])));
    renderConsole('/mall-items', { signedIn: true });

    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(bff.callsTo('ops.mallItems.list')).toEqual([]);
  });
});
