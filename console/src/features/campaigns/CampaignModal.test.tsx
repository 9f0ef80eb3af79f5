import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { button, findDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

const emptyPage = ok({ items: [], total: 0, page: 1, pageSize: 20 });
const input = (id: string): HTMLInputElement => {
  const found = document.getElementById(id);
  if (!(found instanceof HTMLInputElement)) throw new Error(`no input #${id}`);
  return found;
};
const type = (id: string, value: string): void => void fireEvent.change(input(id), { target: { value } });

/** Opens the select whose input has this id and picks the option with this text. */
async function choose(id: string, option: string): Promise<void> {
  const selector = input(id).closest('.ant-select')?.querySelector('.ant-select-selector');
  if (!selector) throw new Error(`no select #${id}`);
  fireEvent.mouseDown(selector);
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((element) => element.textContent === option);
    if (!found) throw new Error(`no option "${option}"`);
    return found;
  });
  fireEvent.click(item);
}

describe('新建营销活动 · 实验版本', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    bff.on('ops.campaigns.list', () => emptyPage);
    bff.on('ops.segments.list', () => ok({ items: [] }));
    bff.on('ops.couponTemplates.list', () => ok({ items: [{ code: 'cake-10', title: '蛋糕券' }], total: 1, page: 1, pageSize: 100 }));
    bff.on('ops.campaigns.create', () => ok({}));
  });

  it('adds and removes variants with their own text, send day and coupon, switches to the bandit; the shared schema checks them before saving', async () => {
    renderConsole('/campaigns', { signedIn: true });
    fireEvent.click(button('新建活动', await screen.findByText('新建活动').then((element) => element.closest('.ant-pro-table') as HTMLElement)));
    const dialog = await findDialog('新建营销活动');
    type('name', '唤醒实验');
    type('sendAt', '2026-12-12 10:00');
    type('fields_thing1', '{{campaignName}}');
    type('fields_date2', '2026年12月12日');
    type('fields_thing3', '进店领取会员礼');
    type('inboxTitle', '会员礼');
    type('endsAt', '2026-12-31 23:59');
    type('holdoutPermille', '100');

    for (let added = 0; added < 3; added += 1) fireEvent.click(button('添加版本', dialog));
    expect(await within(dialog).findByText('版本 3')).toBeTruthy();
    fireEvent.click(within(dialog).getByLabelText('删除版本 3'));
    await waitFor(() => expect(within(dialog).queryByText('版本 3')).toBeNull());

    // The second variant: its own key, text, send day and coupon.
    type('variants_1_key', 'Warm');
    type('variants_1_name', '温暖版');
    type('variants_1_sendDelayDays', '2');
    const ownText = dialog.querySelectorAll<HTMLElement>('.ant-switch')[1];
    fireEvent.click(ownText as HTMLElement);
    await waitFor(() => input('variants_1_fields_thing3'));
    type('variants_1_fields_thing1', '{{campaignName}}');
    type('variants_1_fields_date2', '2026年12月12日');
    type('variants_1_fields_thing3', '想你了，来领礼物吧');
    await choose('variants_1_couponTemplate', '蛋糕券（cake-10）');
    fireEvent.click(within(dialog).getByText('多臂老虎机（Thompson 抽样，流量向转化高的版本倾斜）'));

    // An upper-case key is refused by the shared schema, beside the field, and nothing is sent.
    fireEvent.click(button(/^保存草稿$/, dialog));
    expect(await within(dialog).findByText('须为小写字母开头的字母、数字、-、_')).toBeTruthy();
    expect(bff.callsTo('ops.campaigns.create')).toEqual([]);

    type('variants_1_key', 'warm');
    fireEvent.click(button(/^保存草稿$/, dialog));
    await waitFor(() => expect(bff.callsTo('ops.campaigns.create')).toHaveLength(1));
    const message = { template: 'birthdayReminder', fields: { thing1: '{{campaignName}}', date2: '2026年12月12日', thing3: '进店领取会员礼' }, page: 'pages/birthday/index', inboxTitle: '会员礼' };
    expect(bff.callsTo('ops.campaigns.create')[0]).toEqual({
      name: '唤醒实验',
      trigger: { kind: 'push', sendAt: '2026-12-12T10:00:00+08:00' },
      audience: { tiers: [], birthdayMonths: [], segment: null },
      message,
      holdoutPermille: 100,
      endsAt: '2026-12-31T23:59:00+08:00',
      variants: [
        { key: 'v1', name: '版本1', weight: 1, sendDelayDays: 0, message: null, benefit: null },
        { key: 'warm', name: '温暖版', weight: 1, sendDelayDays: 2, message: { ...message, fields: { ...message.fields, thing3: '想你了，来领礼物吧' } }, benefit: { couponTemplate: 'cake-10' } },
      ],
      allocation: 'bandit',
    });
  });
});
