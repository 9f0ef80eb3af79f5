import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expectText, JourneyFailure, STEP_TIMEOUT_MS } from '../../miniapp/e2e/steps';
import type { ConsoleOperator } from './consoleOperator';
import { OPS_WORK } from './memberWork';

/** The admin finds every step in 操作日志: the operator's creation, then the operator's own entries and reasons. */
export async function auditLogShowsEachStep(admin: ConsoleOperator, newcomer: { loginName: string; displayName: string }): Promise<void> {
  const { page } = admin;
  await admin.openMenu('操作日志');
  // Newest first, and the journey writes fewer entries than a page holds.
  await page.getByRole('row').filter({ hasText: 'ops.operators.create' }).first().waitFor();

  const search = page.locator('.ant-pro-table-search');
  await search.getByLabel('操作人').click();
  await page.getByTitle(`${newcomer.displayName}（${newcomer.loginName}）`).click();
  await search.getByRole('button', { name: /查\s*询/ }).click();
  const rowOf = (action: string) => page.getByRole('row').filter({ hasText: action });
  await rowOf('ops.login').first().waitFor();
  await rowOf('ops.changePassword').getByText('修改自己的密码').waitFor();
  await rowOf('ops.members.reveal').getByText(OPS_WORK.revealReason).waitFor();
  await rowOf('ops.points.adjust').getByText(OPS_WORK.adjustReason).waitFor();
  await rowOf('ops.mallItems.adjustStock').getByText(OPS_WORK.stockReason).waitFor();
  await rowOf('ops.settings.update').getByText(OPS_WORK.settingsReason).waitFor();

  await rowOf('ops.mallItems.adjustStock').getByRole('button', { name: /展开/ }).click();
  await page.getByRole('row').filter({ hasText: 'delta' }).getByText(String(OPS_WORK.stockDelta), { exact: true }).waitFor();
  await rowOf('ops.settings.update').getByRole('button', { name: /展开/ }).click();
  const changes = page.getByRole('row').filter({ hasText: '会员等级 · 金卡门槛' });
  await changes.getByText('¥500', { exact: true }).waitFor();
  await changes.getByText('¥800', { exact: true }).waitFor();
}

/** Exports the filtered log and checks the file's rows. */
export async function exportAuditLog(admin: ConsoleOperator, screenshots: string): Promise<void> {
  const download = admin.page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS });
  await admin.page.getByRole('button', { name: '导出 CSV' }).click();
  const file = path.join(screenshots, 'audit-log.csv');
  await (await download).saveAs(file);
  const lines = readFileSync(file, 'utf8').trim().split('\r\n');
  const expected = ['ops.members.reveal', 'ops.points.adjust', 'ops.mallItems.adjustStock', 'ops.settings.update'];
  const missing = expected.filter((action) => !lines.some((line) => line.includes(action)));
  if (!lines[0]?.includes('操作人') || missing.length > 0) {
    throw new JourneyFailure(`the export lacks the header or ${missing.join(', ')}: ${lines.slice(0, 3).join(' | ')}`);
  }
  await expectText(admin.page, `已导出 ${lines.length - 1} 条操作日志`);
  admin.forgiveStreamedReadReportedAborted('ops.audit.export');
}
