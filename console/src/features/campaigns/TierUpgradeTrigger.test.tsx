import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { button, findDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

const emptyPage = ok({ items: [], total: 0, page: 1, pageSize: 20 });
const type = (id: string, value: string): void => {
  const found = document.getElementById(id);
  if (!(found instanceof HTMLInputElement)) throw new Error(`no input #${id}`);
  fireEvent.change(found, { target: { value } });
};

describe('新建营销活动 · 会员升级', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    bff.on('ops.campaigns.list', () => emptyPage);
    bff.on('ops.segments.list', () => ok({ items: [] }));
    bff.on('ops.couponTemplates.list', () => ok({ items: [], total: 0, page: 1, pageSize: 100 }));
    bff.on('ops.campaigns.create', () => ok({}));
  });

  it('chooses the tier upgrade trigger: the tiers it congratulates instead of a send time, saved as a tierUpgrade trigger', async () => {
    renderConsole('/campaigns', { signedIn: true });
    fireEvent.click(button('新建活动', await screen.findByText('新建活动').then((element) => element.closest('.ant-pro-table') as HTMLElement)));
    const dialog = await findDialog('新建营销活动');
    fireEvent.click(within(dialog).getByText('会员升级'));
    expect(await within(dialog).findByText('升级到')).toBeTruthy();
    expect(document.getElementById('sendAt')).toBeNull();
    expect(within(dialog).getByText('金卡')).toBeTruthy();
    expect(within(dialog).getByText('钻石卡')).toBeTruthy();

    type('name', '升级祝贺');
    type('fields_thing1', '恭喜升级为{{tierName}}');
    type('fields_date2', '2026年12月12日');
    type('fields_thing3', '{{tierBenefit}}');
    type('inboxTitle', '升级礼遇');
    type('endsAt', '2027-12-31 23:59');
    fireEvent.click(button(/^保存草稿$/, dialog));
    await waitFor(() => expect(bff.callsTo('ops.campaigns.create')).toHaveLength(1));
    expect(bff.callsTo('ops.campaigns.create')[0]).toMatchObject({ name: '升级祝贺', trigger: { kind: 'tierUpgrade', toTiers: ['gold', 'diamond'] } });
  });
});
