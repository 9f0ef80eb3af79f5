import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Locator } from 'playwright-core';
import { expectText, JourneyFailure, STEP_TIMEOUT_MS } from '../../miniapp/e2e/steps';
import { openConsoleOperator, type ConsoleE2e } from './consoleOperator';

const DEMO_ADMIN = { loginName: 'admin', password: 'cakeday-admin-2026', displayName: '演示管理员' };

/**
 * The ops console in Chromium, two operators at their own desks: the demo admin creates an operator (运营, the
 * one-time password shown once); the new operator logs in, must change the password first, and sees only what 运营
 * may; the admin makes them 管理员 too (their session ends); they log in again and raise the 金卡 threshold after
 * reviewing the diff; the admin finds both steps in the audit log and exports it.
 */
export async function runConsoleJourney(e2e: ConsoleE2e): Promise<string[]> {
  const done: string[] = [];
  const suffix = randomBytes(3).toString('hex');
  const newcomer = { loginName: `ops-e2e-${suffix}`, displayName: `新运营${suffix}`, password: `own-password-${suffix}-2026` };
  let oneTimePassword = '';

  const admin = await openConsoleOperator(e2e, 'admin', done);
  await admin.step('login', async () => {
    await admin.open('/');
    await expectText(admin.page, 'Cakeday 运营后台');
    await admin.login(DEMO_ADMIN.loginName, DEMO_ADMIN.password);
    await expectText(admin.page, `欢迎，${DEMO_ADMIN.displayName}`);
  });

  await admin.step('create-operator', async () => {
    await admin.openMenu('运营人员');
    await admin.page.getByRole('button', { name: '新建运营人员' }).click();
    const dialog = admin.page.getByRole('dialog').filter({ hasText: '新建运营人员' });
    await dialog.getByLabel('登录名').fill(newcomer.loginName);
    await dialog.getByLabel('名称').fill(newcomer.displayName);
    // 运营 is ticked by default.
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await expectText(admin.page, '密码只显示这一次，关闭后无法再次查看。请通过安全的方式交给本人，首次登录须修改。');
    oneTimePassword = ((await admin.page.getByTestId('one-time-password').textContent()) ?? '').trim();
    if (oneTimePassword.length < 10) throw new JourneyFailure(`no one-time password shown: "${oneTimePassword}"`);
    await admin.page.getByRole('button', { name: '我已记下' }).click();
    await expectText(admin.page, newcomer.loginName);
  });

  const operator = await openConsoleOperator(e2e, 'operator', done);
  await operator.step('first-login-must-change-password', async () => {
    await operator.open('/');
    await operator.login(newcomer.loginName, oneTimePassword);
    await expectText(operator.page, '修改初始密码');
    await operator.page.getByLabel('当前密码').fill(oneTimePassword);
    await operator.page.getByLabel('新密码', { exact: true }).fill(newcomer.password);
    await operator.page.getByLabel('确认新密码').fill(newcomer.password);
    await operator.page.getByRole('button', { name: '修改密码' }).click();
    await expectText(operator.page, `欢迎，${newcomer.displayName}`);
  });

  await operator.step('sees-what-ops-may', async () => {
    await expectText(operator.page, '当前角色：运营');
    if ((await operator.page.getByRole('menuitem', { name: '运营人员' }).count()) > 0) throw new JourneyFailure('运营 sees 运营人员');
    await operator.openMenu('会员规则设置');
    await expectText(operator.page, '你的角色只能查看设置，修改须由管理员进行。');
    if ((await operator.page.getByRole('button', { name: '检查并保存' }).count()) > 0) throw new JourneyFailure('运营 may save settings');
  });

  const grantAdmin = async (): Promise<Locator> => {
    const row = admin.page.getByRole('row').filter({ hasText: newcomer.loginName });
    await row.getByText('编辑').click();
    const dialog = admin.page.getByRole('dialog').filter({ hasText: `编辑运营人员：${newcomer.loginName}` });
    await dialog.getByRole('checkbox', { name: '管理员' }).check();
    await dialog.getByLabel('修改原因').fill('负责会员规则设置');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    return dialog;
  };

  await admin.step('edit-refused-as-stale', async () => {
    // The table was loaded before the operator changed their password, which moved the operator to a new version.
    const dialog = await grantAdmin();
    await dialog.getByText('该运营人员已被修改（如本人修改了密码），本次修改未保存。请刷新后查看最新信息再修改。').waitFor();
    admin.forgiveExpected(409);
    await dialog.getByRole('button', { name: '关闭并刷新' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  await admin.step('grant-admin-role', async () => {
    const dialog = await grantAdmin();
    await dialog.waitFor({ state: 'hidden' });
    await admin.page.getByRole('row').filter({ hasText: newcomer.loginName }).getByText('管理员').waitFor();
  });

  await operator.step('session-ended-login-again', async () => {
    // Changing roles ends the operator's sessions: the next call answers 401 and the console returns to the login page.
    await operator.page.reload();
    await expectText(operator.page, '用户名');
    operator.forgiveExpected(401);
    await operator.login(newcomer.loginName, newcomer.password);
    // … and after logging in, to the page they were on, now with what 管理员 may.
    await operator.page.getByRole('button', { name: '检查并保存' }).waitFor();
    await operator.page.getByRole('menuitem', { name: '运营人员' }).waitFor();
  });

  await operator.step('raise-gold-threshold-with-diff', async () => {
    const gold = operator.page.getByLabel('金卡门槛');
    await gold.fill('800');
    await operator.page.getByRole('button', { name: '检查并保存' }).click();
    const dialog = operator.page.getByRole('dialog').filter({ hasText: '确认修改' });
    await dialog.getByText('会员等级 · 金卡门槛').waitFor();
    await dialog.getByText('¥500', { exact: true }).waitFor();
    await dialog.getByText('¥800', { exact: true }).waitFor();
    await dialog.getByLabel('修改原因').fill('春季活动：金卡门槛调整为 800 元');
    await dialog.getByRole('button', { name: '确认保存' }).click();
    await expectText(operator.page, /已保存为版本 \d+/);
    await expectText(operator.page, '春季活动：金卡门槛调整为 800 元');
  });

  await admin.step('audit-log-shows-both-steps', async () => {
    await admin.openMenu('操作日志');
    const search = admin.page.locator('.ant-pro-table-search');
    await search.getByLabel('操作人').click();
    await admin.page.getByTitle(`${newcomer.displayName}（${newcomer.loginName}）`).click();
    await search.getByRole('button', { name: /查\s*询/ }).click();
    const passwordRow = admin.page.getByRole('row').filter({ hasText: 'ops.changePassword' });
    const settingsRow = admin.page.getByRole('row').filter({ hasText: 'ops.settings.update' });
    await passwordRow.getByText('修改自己的密码').waitFor();
    await settingsRow.getByText('春季活动：金卡门槛调整为 800 元').waitFor();
    await settingsRow.getByRole('button', { name: /展开/ }).click();
    const changes = admin.page.getByRole('row').filter({ hasText: '会员等级 · 金卡门槛' });
    await changes.getByText('¥500', { exact: true }).waitFor();
    await changes.getByText('¥800', { exact: true }).waitFor();
  });

  await admin.step('export-audit-log', async () => {
    const download = admin.page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS });
    await admin.page.getByRole('button', { name: '导出 CSV' }).click();
    const file = path.join(e2e.screenshots, 'audit-log.csv');
    await (await download).saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    if (!lines[0]?.includes('操作人') || !lines.some((line) => line.includes('ops.settings.update'))) {
      throw new JourneyFailure(`the export lacks the header or the settings change: ${lines.slice(0, 3).join(' | ')}`);
    }
    await expectText(admin.page, `已导出 ${lines.length - 1} 条操作日志`);
    admin.forgiveStreamedReadReportedAborted('ops.audit.export');
  });

  await operator.page.context().close();
  await admin.page.context().close();
  return done;
}
