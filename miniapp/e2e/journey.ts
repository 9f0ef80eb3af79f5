import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type WatchedPage } from './browser';
import { phoneFor } from '../../scripts/wechat-sandbox/state';
import { expectText, JourneyFailure, STEP_TIMEOUT_MS, stepsFor, tapText } from './steps';

export interface JourneyOptions {
  appUrl: string;
  screenshots: string;
  /** The sandbox test user; a fresh name makes a new member. */
  user: string;
  /** The sandbox's base URL: its control API plays the member's SMS reply. */
  sandboxUrl: string;
}

/**
 * A new member's whole visit to the H5 build: log in, home, consent + birthday, countdown and tier,
 * points history, phone binding, the SMS consent in 消息设置, data export, 退订 by replying R to an SMS, account
 * deletion, logged out. A screenshot after each step.
 */
export async function runMemberJourney(watched: WatchedPage, options: JourneyOptions): Promise<string[]> {
  const { page } = watched;
  const done: string[] = [];
  const step = stepsFor(watched, 'member', options.screenshots, done);

  await step('login-and-home', async () => {
    await page.goto(`${options.appUrl}/?as=${encodeURIComponent(options.user)}#/pages/home/index`);
    await expectText(page, '设置生日，领取生日礼');
    await expectText(page, '普卡会员');
  });

  await step('birthday-consent', async () => {
    await tapText(page, '去设置');
    await expectText(page, '生日信息使用说明');
    await expectText(page, /说明版本：birthday-/);
    await tapText(page, '我已阅读并同意以上说明');
  });

  await step('birthday-picker', async () => {
    await tapText(page, '请选择 ›');
    await expectText(page, '选择生日');
    await tapText(page, '确认');
    await expectText(page, /\d{1,2}月\d{1,2}日/);
  });

  await step('birthday-saved-countdown-and-tier', async () => {
    await tapText(page, '保存生日');
    await expectText(page, '确认设置生日');
    await tapText(page, '确认保存');
    // The 生日提醒 popup opens from the confirmation's tap (the H5 stand-in); refusing it still saves the birthday.
    await expectText(page, '接收以下消息：生日提醒');
    await tapText(page, '取消');
    await expectText(page, /距离生日还有 \d+ 天|生日快乐！|生日月快乐！/);
    await expectText(page, /再消费 ¥[\d.]+ 升级为金卡/);
  });

  await step('points-history', async () => {
    await tapText(page, '积分明细 ›');
    await expectText(page, '当前积分');
    await expectText(page, /还没有积分记录|没有更多了|加载更多/);
    await page.goBack();
    await expectText(page, '我的积分');
  });

  await step('bind-phone', async () => {
    await tapText(page, '我的');
    await tapText(page, '绑定手机号');
    await expectText(page, /\d{3}\*{4}\d{4}/);
  });

  await step('sms-consent-in-message-settings', async () => {
    await tapText(page, '消息设置');
    await expectText(page, '短信营销');
    await expectText(page, /回复短信“R”或“TD”退订/);
    await page.locator('.messages__card', { hasText: '短信营销' }).getByRole('switch').click();
    await expectText(page, /已于 \d{4}-\d{2}-\d{2} 同意 · 版本 sms-/);
    await page.goBack();
    await expectText(page, '隐私与数据');
  });

  await step('privacy-and-export', async () => {
    await tapText(page, '隐私与数据');
    await expectText(page, '我的授权');
    await expectText(page, /已于 \d{4}-\d{2}-\d{2} 同意/);
    const download = page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS });
    await tapText(page, '导出我的数据');
    const file = path.join(options.screenshots, 'my-data.json');
    await (await download).saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { profile?: { phoneMasked?: string; birthday?: unknown } };
    if (!exported.profile?.phoneMasked || !exported.profile.birthday) {
      throw new JourneyFailure('the export lacks the bound phone or the birthday');
    }
    await expectText(page, /已导出/);
  });

  await step('sms-unsubscribe-by-reply', async () => {
    // The member replies R to a marketing SMS: Tencent posts the reply to the BFF, which withdraws the consent at once.
    const answer = await fetch(`${options.sandboxUrl}/__sandbox/sms/replies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phoneNumber: phoneFor(options.user), text: 'R' }),
    });
    const { delivery } = (await answer.json()) as { delivery?: { accepted?: boolean } };
    if (!delivery?.accepted) throw new JourneyFailure('the BFF did not take the SMS reply');
    await page.reload();
    await expectText(page, '我的授权');
    await expectText(page, /已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 回复短信退订/);
  });

  await step('delete-account', async () => {
    await tapText(page, '注销账号');
    await expectText(page, '确定注销账号？');
    await tapText(page, '确认注销');
    await expectText(page, '你已退出登录');
  });

  await step('stays-logged-out-after-reload', async () => {
    await page.reload();
    await expectText(page, '你已退出登录');
  });

  return done;
}
