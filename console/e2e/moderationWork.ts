import { JourneyFailure } from '../../miniapp/e2e/steps';
import type { ConsoleOperator } from './consoleOperator';
import { REPORTED_POST } from './moderationCase';

/** 社区审核: the reported post is in the queue with its report; 下架 asks for a reason, and the post leaves the queue. */
export async function moderatorRemovesReportedPost(moderator: ConsoleOperator): Promise<void> {
  const { page } = moderator;
  await moderator.openMenu('社区审核');
  const row = page.getByRole('row').filter({ hasText: REPORTED_POST.text });
  await row.getByText('举报达到阈值，已暂时隐藏').waitFor();
  await row.getByText('垃圾广告：拉人加微信').waitFor();
  await row.getByText('下架', { exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '下架这条帖子' });
  await dialog.getByRole('button', { name: /下\s*架/ }).click();
  await dialog.getByText('请填写 2–200 字的原因').waitFor();
  await dialog.getByPlaceholder('将记入操作日志').fill(REPORTED_POST.removeReason);
  await dialog.getByRole('button', { name: /下\s*架/ }).click();
  await page.getByText('已下架：已下架').waitFor();
  await row.waitFor({ state: 'detached' });
  if ((await page.getByText(REPORTED_POST.text).count()) > 0) throw new JourneyFailure('the removed post is still in the review queue');
}

/** The admin finds the removal in 操作日志 with the moderator's reason. */
export async function auditLogShowsRemoval(admin: ConsoleOperator): Promise<void> {
  await admin.page.reload();
  await admin.openMenu('操作日志');
  await admin.page.getByRole('row').filter({ hasText: 'ops.community.remove' }).getByText(REPORTED_POST.removeReason).waitFor();
}
