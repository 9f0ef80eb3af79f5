import { expectText, JourneyFailure } from '../../miniapp/e2e/steps';
import type { ConsoleOperator } from './consoleOperator';
import { DEMO_PHONE, DEMO_PHONE_MASKED, STOCK_ITEM } from './demoData';

/** What the journey's ops operator types, for the audit log check afterwards. */
export const OPS_WORK = {
  revealReason: '会员来电核对身份（e2e）',
  adjustPoints: 50,
  adjustReason: '门店活动补偿（e2e）',
  memberNote: '客服补偿',
  stockDelta: 20,
  stockReason: '门店补货 20 件（e2e）',
  settingsReason: '春季活动：金卡门槛调整为 800 元',
};

/** Finds the demo member by their full phone (the keyed-hash search) and opens their page; returns the member id. */
export async function findMemberByPhone(operator: ConsoleOperator): Promise<string> {
  const { page } = operator;
  await operator.openMenu('会员');
  const search = page.locator('.ant-pro-table-search');
  // 查询 is a loading button while the first page loads, and ignores a click then (a loaded machine showed it): the
  // search starts once the first page is on screen, and the step waits for the answer to the filtered search.
  await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  await search.getByLabel('手机号').fill(DEMO_PHONE);
  const filtered = page.waitForResponse((response) => response.url().includes('/api/ops.members.search') && (response.request().postData() ?? '').includes(DEMO_PHONE));
  await search.getByRole('button', { name: /查\s*询/ }).click();
  await filtered;
  const row = page.getByRole('row').filter({ hasText: DEMO_PHONE_MASKED });
  await row.getByText('查看', { exact: true }).click();
  await expectText(page, '返回会员列表');
  await expectText(page, DEMO_PHONE_MASKED);
  const memberId = /\/members\/([0-9a-f]{24})/.exec(page.url())?.[1];
  if (!memberId) throw new JourneyFailure(`no member id in ${page.url()}`);
  return memberId;
}

/** 查看完整信息 with a reason: the number shows once, and is gone from the page after closing. */
export async function revealPhone(operator: ConsoleOperator): Promise<void> {
  const { page } = operator;
  await page.getByRole('button', { name: '查看完整信息' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '查看完整信息' });
  await dialog.getByLabel('查看原因').fill(OPS_WORK.revealReason);
  await dialog.getByRole('button', { name: /^查\s*看$/ }).click();
  await dialog.getByText(DEMO_PHONE, { exact: true }).waitFor();
  await dialog.getByRole('button', { name: /^关\s*闭$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  if ((await page.getByText(DEMO_PHONE).count()) > 0) throw new JourneyFailure('the full phone stays on the page after closing');
}

/** A small adjustment (under the approval threshold) with a note for the member: applied at once, in the ledger. */
export async function adjustPoints(operator: ConsoleOperator): Promise<void> {
  const { page } = operator;
  await page.getByRole('button', { name: '积分调整' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '调整积分' });
  await dialog.getByLabel('调整积分').fill(String(OPS_WORK.adjustPoints));
  await dialog.getByLabel('调整原因（内部）').fill(OPS_WORK.adjustReason);
  await dialog.getByLabel('给会员的说明（可选）').fill(OPS_WORK.memberNote);
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await expectText(page, `已入账：+${OPS_WORK.adjustPoints} 积分`);
  const ledgerLine = page.getByRole('row').filter({ hasText: `积分调整：${OPS_WORK.memberNote}` });
  await ledgerLine.getByText(`+${OPS_WORK.adjustPoints}`, { exact: true }).first().waitFor();
}

/** 库存调整 by a delta with a reason. */
export async function changeStock(operator: ConsoleOperator): Promise<void> {
  const { page } = operator;
  await operator.openMenu('商城商品');
  await page.getByRole('row').filter({ hasText: STOCK_ITEM.title }).getByText('库存调整').click();
  const dialog = page.getByRole('dialog').filter({ hasText: `库存调整：${STOCK_ITEM.title}` });
  await dialog.getByLabel('增减数量').fill(String(OPS_WORK.stockDelta));
  await dialog.getByLabel('调整原因').fill(OPS_WORK.stockReason);
  // 调整后: the stock it will be.
  await dialog.getByText(String(STOCK_ITEM.stock + OPS_WORK.stockDelta), { exact: true }).waitFor();
  await dialog.getByRole('button', { name: '确认调整' }).click();
  await expectText(page, `库存已调整为 ${STOCK_ITEM.stock + OPS_WORK.stockDelta}`);
}

/** 运营 changes the member-facing rules (金卡 threshold, after its diff) and sees 运营操作 read-only. */
export async function changeGoldThreshold(operator: ConsoleOperator): Promise<void> {
  const { page } = operator;
  await operator.openMenu('会员规则设置');
  await expectText(page, '「运营操作」只能查看，修改须由管理员进行。');
  if (!(await page.getByLabel('调整积分需复核门槛').isDisabled())) throw new JourneyFailure('运营 may change the four-eyes threshold');
  await page.getByLabel('金卡门槛').fill('800');
  await page.getByRole('button', { name: '检查并保存' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '确认修改' });
  await dialog.getByText('会员等级 · 金卡门槛').waitFor();
  await dialog.getByText('¥500', { exact: true }).waitFor();
  await dialog.getByText('¥800', { exact: true }).waitFor();
  await dialog.getByLabel('修改原因').fill(OPS_WORK.settingsReason);
  await dialog.getByRole('button', { name: '确认保存' }).click();
  await expectText(page, /已保存为版本 \d+/);
  await expectText(page, OPS_WORK.settingsReason);
}
