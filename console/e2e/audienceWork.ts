import { JourneyFailure, expectText } from '../../miniapp/e2e/steps';
import { DEMO_CAMPAIGN_NAME } from '../../scripts/seed/demoHistory';
import type { ConsoleOperator } from './consoleOperator';

export const SLEEPING_GOLD = '沉睡会员 · 金卡';

const numberIn = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, '') || 'NaN');

/** After the seeded history, the analyst's 数据看板 shows the birthday funnel, and the demo campaign's 活动效果 its lift. */
export async function analystSeesFunnelAndLift(analyst: ConsoleOperator): Promise<void> {
  const { page } = analyst;
  await analyst.openMenu('数据看板');
  await expectText(page, '生日礼漏斗');
  // The funnel's table: 触达 → 打开 → 领取 → 使用, each with members of the seeded birthdays.
  for (const step of ['触达', '打开', '领取', '使用']) {
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: step, exact: true }) }).first();
    await row.waitFor();
    const members = numberIn(await row.getByRole('cell').nth(1).textContent());
    if (!(members > 0)) throw new JourneyFailure(`the birthday funnel shows no members at ${step}`);
  }
  // Drawn by ECharts beside its table; so is the members-over-time chart, counted from the seeded members.
  await page.getByRole('img', { name: '生日礼漏斗各步人数' }).locator('svg').waitFor();
  const membersChart = page.getByRole('img', { name: '每日各等级会员数' });
  await membersChart.locator('svg').waitFor();
  const today = page.locator('.ant-card').filter({ has: membersChart }).locator('tbody tr.ant-table-row').first();
  if (!(numberIn(await today.getByRole('cell').nth(1).textContent()) > 0)) throw new JourneyFailure('members over time shows no members today');
  // The page's other panels answer too before the analyst moves on (leaving aborts a request still in flight).
  await expectText(page, 'RFM 分值人数');
  await analystSeesKpiWithTarget(analyst);
  await analyst.openMenu('营销活动');
  const row = page.getByRole('row').filter({ hasText: DEMO_CAMPAIGN_NAME });
  await row.getByText('活动效果').click();
  const dialog = page.getByRole('dialog').filter({ hasText: `${DEMO_CAMPAIGN_NAME}：活动效果` });
  const lift = dialog.getByTestId('campaign-lift');
  await lift.getByText('95% 置信区间', { exact: false }).waitFor();
  const text = (await lift.textContent()) ?? '';
  if (!/^\+\d/.test(text.trim())) throw new JourneyFailure(`the demo campaign shows no positive lift: ${text}`);
  // The lift as a point with its 95% interval (ECharts), its numbers in the table beside it.
  await dialog.getByRole('img', { name: '购买率提升与 95% 置信区间（百分点）' }).locator('svg').waitFor();
  await dialog.getByTestId('campaign-lift-table').getByRole('cell', { name: '触达组 对比 对照组' }).waitFor();
  await dialog.getByTestId('campaign-variants').getByText('温暖版').waitFor();
  // An analyst reads results but may not switch the allocation.
  if ((await dialog.getByTestId('campaign-allocate').count()) > 0) throw new JourneyFailure('分析师 may switch the allocation');
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** 经营洞察 → 计划 KPI: the birthday participation of the seeded history, its ECharts line and the 25% target line. */
async function analystSeesKpiWithTarget(analyst: ConsoleOperator): Promise<void> {
  const { page } = analyst;
  await analyst.openMenu('经营洞察');
  const card = page.getByTestId('kpi-birthdayParticipation');
  await card.waitFor();
  const chart = card.getByRole('img', { name: '生日礼参与率与目标' });
  // The target line is drawn by ECharts (SVG) with its label; the table beside it repeats the target per day.
  await chart.locator('text', { hasText: '目标 25.0%' }).first().waitFor();
  const value = (await card.locator('.ant-statistic').filter({ hasText: '区间值' }).locator('.ant-statistic-content').textContent()) ?? '';
  if (!/^\d+\.\d%$/.test(value.trim())) throw new JourneyFailure(`the birthday participation shows no value: ${value}`);
  await card.getByRole('cell', { name: '25.0%' }).first().waitFor();
}

/** Picks an option of an antd select; a multiple select's list stays open and is closed (Escape would close a single select's dialog). */
async function pick(operator: ConsoleOperator, scope: ReturnType<ConsoleOperator['page']['getByRole']>, label: string, option: string, multiple = true): Promise<void> {
  await scope.getByLabel(label).click();
  await operator.page.getByTitle(option, { exact: true }).filter({ visible: true }).first().click();
  if (multiple) await operator.page.keyboard.press('Escape');
  // The choice is on the form before the journey goes on (a dry run once counted every member: the pick had not taken).
  await scope.locator('.ant-select-selection-item', { hasText: option }).first().waitFor();
}

/** 运营 builds the segment 沉睡会员 · 金卡 (sized), then a campaign whose audience it is; the dry run counts its members. */
export async function opsBuildsSegmentAsAudience(ops: ConsoleOperator): Promise<void> {
  const { page } = ops;
  await ops.openMenu('会员分群');
  // The birthday plan's RFM levels are there from the start.
  await expectText(page, 'RFM 黄金');
  await page.getByRole('button', { name: '新建分群' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '新建分群' });
  await dialog.getByLabel('分群名称').fill(SLEEPING_GOLD);
  await pick(ops, dialog, '生命周期', '沉睡');
  await pick(ops, dialog, '会员等级', '金卡');
  await dialog.getByRole('button', { name: '试算人数' }).click();
  const estimate = numberIn(await dialog.getByTestId('segment-estimate').textContent());
  if (!(estimate > 0)) throw new JourneyFailure(`${SLEEPING_GOLD} is estimated empty`);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  const segmentRow = page.getByRole('row').filter({ hasText: SLEEPING_GOLD });
  await segmentRow.getByText('沉睡 · 金卡').waitFor();
  const size = numberIn(await segmentRow.getByRole('cell').nth(2).textContent());
  if (size !== estimate) throw new JourneyFailure(`${SLEEPING_GOLD}: ${size} members listed, ${estimate} estimated`);

  await ops.openMenu('营销活动');
  await page.getByRole('button', { name: '新建活动' }).click();
  const campaign = page.getByRole('dialog').filter({ hasText: '新建营销活动' });
  const name = '金卡老顾客回访';
  await campaign.getByLabel('活动名称', { exact: true }).fill(name);
  await campaign.getByLabel('发送时间（北京时间）').fill('2027-01-08 10:00');
  await pick(ops, campaign, '受众分群', `${SLEEPING_GOLD}（${size.toLocaleString('zh-CN')} 人）`, false);
  await campaign.getByLabel(/thing1/).fill('金卡会员回访礼');
  await campaign.getByLabel(/date2/).fill('2027年1月8日');
  await campaign.getByLabel(/thing3/).fill('进店出示会员码领取');
  await campaign.getByLabel('消息中心标题').fill('金卡回访礼');
  await campaign.getByLabel('结束时间（北京时间）').fill('2027-01-31 23:59');
  await campaign.getByRole('button', { name: '保存草稿' }).click();
  await campaign.waitFor({ state: 'hidden' });
  await page.getByRole('row').filter({ hasText: name }).getByText('试运行与报表').click();
  const insights = page.getByRole('dialog').filter({ hasText: `${name}：试运行与投递报表` });
  const audience = insights.locator('.ant-descriptions-item').filter({ hasText: '受众人数' }).locator('.ant-descriptions-item-content');
  await audience.waitFor();
  const counted = numberIn(await audience.textContent());
  if (counted !== size) throw new JourneyFailure(`the dry run counts ${counted}, the segment holds ${size}`);
  await insights.getByRole('button', { name: 'Close' }).click();
}
