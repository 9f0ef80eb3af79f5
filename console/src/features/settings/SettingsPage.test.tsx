import { DEFAULT_PROGRAM_SETTINGS, type ProgramSettings, type SettingsVersion } from '@cakeday/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, refused, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { button, findDialog, queryDialog, waitForNoDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

function versionOf(version: number, settings: ProgramSettings = DEFAULT_PROGRAM_SETTINGS): SettingsVersion {
  return { version, effectiveFrom: '2026-01-01T00:00:00+08:00', settings, createdAt: null, createdBy: null, reason: null };
}

function answerCurrent(bff: FakeBff, version: SettingsVersion): void {
  bff.on('ops.settings.current', () => ok({ current: version, scheduled: [], latestVersion: version.version }));
}

async function setGoldThresholdYuan(yuan: string): Promise<void> {
  const input = await screen.findByLabelText('金卡门槛');
  fireEvent.change(input, { target: { value: yuan } });
  fireEvent.blur(input);
}

describe('editing the program settings', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.settings.history', () => ok({ items: [], total: 0 }));
  });

  it('shows money in yuan, the diff against the current version before saving, and sends fen with the reason', async () => {
    bff.on('ops.me', () => ok(sessionOf(['admin'])));
    answerCurrent(bff, versionOf(3));
    bff.on('ops.settings.update', (input) => ok({ ...versionOf(4, input.settings as ProgramSettings), reason: input.reason }));
    renderConsole('/settings', { signedIn: true });

    expect(((await screen.findByLabelText('金卡门槛')) as HTMLInputElement).value).toBe('500.00');
    await setGoldThresholdYuan('800');
    fireEvent.click(button('检查并保存'));

    const dialog = await findDialog('确认修改（基于版本 3）');
    expect(within(dialog).getByText('会员等级 · 金卡门槛')).toBeTruthy();
    expect(within(dialog).getByText('¥500')).toBeTruthy();
    expect(within(dialog).getByText('¥800')).toBeTruthy();
    expect(within(dialog).getByText('以下 1 项将被修改：')).toBeTruthy();
    expect(bff.callsTo('ops.settings.update')).toEqual([]);

    fireEvent.click(button('确认保存', dialog));
    expect(await within(dialog).findByText('请填写 2–200 字的原因')).toBeTruthy();
    expect(bff.callsTo('ops.settings.update')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('修改原因'), { target: { value: '春季活动提高金卡门槛' } });
    fireEvent.click(button('确认保存', dialog));

    expect(await screen.findByText('已保存为版本 4')).toBeTruthy();
    expect(bff.callsTo('ops.settings.update')).toEqual([
      {
        basedOnVersion: 3,
        reason: '春季活动提高金卡门槛',
        settings: { ...DEFAULT_PROGRAM_SETTINGS, tiers: { goldFen: 80_000, diamondFen: 200_000 } },
      },
    ]);
  });

  it('shows and edits how many days a pickup order waits at its store (pickup.holdDays)', async () => {
    bff.on('ops.me', () => ok(sessionOf(['admin'])));
    answerCurrent(bff, versionOf(5));
    bff.on('ops.settings.update', (input) => ok({ ...versionOf(6, input.settings as ProgramSettings), reason: input.reason }));
    renderConsole('/settings', { signedIn: true });

    const holdDays = (await screen.findByLabelText('自提保留天数')) as HTMLInputElement;
    expect(holdDays.value).toBe(String(DEFAULT_PROGRAM_SETTINGS.pickup.holdDays));
    fireEvent.change(holdDays, { target: { value: '5' } });
    fireEvent.blur(holdDays);
    fireEvent.click(button('检查并保存'));

    const dialog = await findDialog('确认修改（基于版本 5）');
    expect(within(dialog).getByText('到店自提 · 自提保留天数')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('修改原因'), { target: { value: '节日期间延长自提保留' } });
    fireEvent.click(button('确认保存', dialog));

    expect(await screen.findByText('已保存为版本 6')).toBeTruthy();
    expect(bff.callsTo('ops.settings.update')).toEqual([
      { basedOnVersion: 5, reason: '节日期间延长自提保留', settings: { ...DEFAULT_PROGRAM_SETTINGS, pickup: { ...DEFAULT_PROGRAM_SETTINGS.pickup, holdDays: 5 } } },
    ]);
  });

  it('says nothing changed instead of saving an identical version', async () => {
    bff.on('ops.me', () => ok(sessionOf(['admin'])));
    answerCurrent(bff, versionOf(0));
    renderConsole('/settings', { signedIn: true });

    await screen.findByLabelText('金卡门槛');
    fireEvent.click(button('检查并保存'));

    expect(await screen.findByText('没有修改任何设置')).toBeTruthy();
    expect(queryDialog()).toBeNull();
  });

  it('refuses thresholds the shared schema refuses, on the field, before any diff', async () => {
    bff.on('ops.me', () => ok(sessionOf(['admin'])));
    answerCurrent(bff, versionOf(0));
    renderConsole('/settings', { signedIn: true });

    await setGoldThresholdYuan('3000');
    fireEvent.click(button('检查并保存'));

    expect(await screen.findByText('钻石卡门槛须高于金卡门槛')).toBeTruthy();
    expect(queryDialog()).toBeNull();
  });

  it('on STALE_VERSION says someone else saved first and reloads the newest version', async () => {
    bff.on('ops.me', () => ok(sessionOf(['admin'])));
    answerCurrent(bff, versionOf(3));
    bff.on('ops.settings.update', () => refused(409, 'STALE_VERSION'));
    renderConsole('/settings', { signedIn: true });

    await setGoldThresholdYuan('800');
    fireEvent.click(button('检查并保存'));
    const dialog = await findDialog('确认修改（基于版本 3）');
    fireEvent.change(within(dialog).getByLabelText('修改原因'), { target: { value: '提高金卡门槛' } });
    fireEvent.click(button('确认保存', dialog));

    expect(await within(dialog).findByText('设置已被他人修改，本次修改未保存')).toBeTruthy();
    // Meanwhile another operator saved version 4 with a 600 yuan threshold.
    answerCurrent(bff, versionOf(4, { ...DEFAULT_PROGRAM_SETTINGS, tiers: { goldFen: 60_000, diamondFen: 200_000 } }));
    fireEvent.click(button('重新加载最新设置', dialog));

    await waitFor(() => expect((screen.getByLabelText('金卡门槛') as HTMLInputElement).value).toBe('600.00'));
    await waitForNoDialog();
    expect(screen.getByText('版本 4')).toBeTruthy();
  });

  it('an admin puts active operators on duty from the operators list; the diff counts them and the save sends their ids', async () => {
    bff.on('ops.me', () => ok(sessionOf(['admin'])));
    answerCurrent(bff, versionOf(5));
    const onDuty = { id: '65f0000000000000000000d1', loginName: 'zhou', displayName: '周值班', roles: ['ops'], storeId: null, storeName: null, status: 'active', totpEnabled: false, lastLoginAt: null, createdAt: '2026-01-01T00:00:00+08:00', version: 0 };
    bff.on('ops.operators.list', () => ok({ items: [onDuty], total: 1, page: 1, pageSize: 100 }));
    bff.on('ops.settings.update', (input) => ok({ ...versionOf(6, input.settings as ProgramSettings), reason: input.reason }));
    renderConsole('/settings', { signedIn: true });

    const roster = await screen.findByLabelText('值班运营');
    const selector = roster.closest('.ant-select')?.querySelector('.ant-select-selector');
    if (!selector) throw new Error('no roster select');
    fireEvent.mouseDown(selector);
    fireEvent.click(await screen.findByText('周值班（zhou）'));
    fireEvent.click(button('检查并保存'));

    const dialog = await findDialog('确认修改（基于版本 5）');
    expect(within(dialog).getByText('经营洞察 · 值班运营')).toBeTruthy();
    expect(within(dialog).getByText('0 位')).toBeTruthy();
    expect(within(dialog).getByText('1 位')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('修改原因'), { target: { value: '本周值班安排' } });
    fireEvent.click(button('确认保存', dialog));

    expect(await screen.findByText('已保存为版本 6')).toBeTruthy();
    expect(bff.callsTo('ops.operators.list')).toEqual([{ status: 'active', page: 1, pageSize: 100 }]);
    const [saved] = bff.callsTo('ops.settings.update') as { settings: ProgramSettings }[];
    expect(saved?.settings.insights.alerts.onDutyOperatorIds).toEqual([onDuty.id]);
  });

  it('shows the settings read-only, without a save, to a role that may only read them', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    answerCurrent(bff, versionOf(0));
    renderConsole('/settings', { signedIn: true });

    expect(((await screen.findByLabelText('金卡门槛')) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('你的角色只能查看设置，修改须由管理员进行。')).toBeTruthy();
    expect(screen.queryByText('检查并保存')).toBeNull();
  });
});

describe('field-level settings for ops', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.settings.history', () => ok({ items: [], total: 0 }));
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    answerCurrent(bff, versionOf(2));
  });

  it('lets ops change the member-facing rules but shows 运营操作 (the limits on their own powers) read-only', async () => {
    renderConsole('/settings', { signedIn: true });

    expect(((await screen.findByLabelText('金卡门槛')) as HTMLInputElement).disabled).toBe(false);
    expect((screen.getByLabelText('每人每日调整积分上限') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('调整积分需复核门槛') as HTMLInputElement).disabled).toBe(true);
    // 经营洞察 (KPI targets and alert thresholds) is an admin's too.
    expect(screen.getByText('「经营洞察」「运营操作」只能查看，修改须由管理员进行。')).toBeTruthy();
    expect(screen.getAllByText('仅管理员可修改')).toHaveLength(2);

    await setGoldThresholdYuan('800');
    fireEvent.click(button('检查并保存'));
    const dialog = await findDialog('确认修改（基于版本 2）');
    expect(within(dialog).getByText('会员等级 · 金卡门槛')).toBeTruthy();
    expect(within(dialog).getByText('以下 1 项将被修改：')).toBeTruthy();
  });
});
