import { type Page } from 'playwright-core';
import { openWatchedPage } from './browser';
import { type E2eContext } from './context';
import { expectText, JourneyFailure, STEP_TIMEOUT_MS, stepsFor, tapText } from './steps';

/** Seeded (scripts/seed): the demo member has 1000 points and is allowed as staff at this store. */
const DEMO_POINTS = 1000;
/** Points only (300), issued into 我的券. */
const COUPON_ITEM = '满50减10券';
const AFTER_COUPON = DEMO_POINTS - 300;
const STORE_NAME = '麦香生日烘焙·人民广场店';
/** 600 points + ¥9.90, picked up in store with a write-off code, one per member (a cancelled order frees it). */
const PICKUP_ITEM = '会员周边帆布袋';

/** Opens a page as the demo member in a fresh load, as when the member comes back to the mini-program. */
async function openAsDemo(page: Page, appUrl: string, route: string): Promise<void> {
  // Leaving while the last page still loads would abort its requests (reported as failures).
  await page.waitForLoadState('networkidle');
  // A URL that differs only by its hash would not load the app again.
  await page.goto('about:blank');
  await page.goto(`${appUrl}/?as=demo#/pages/${route}`);
}

async function openMallItem(page: Page, appUrl: string, title: string): Promise<void> {
  await openAsDemo(page, appUrl, 'mall/index');
  await tapText(page, title);
  await expectText(page, '兑换规则');
}

/** A pickup item is collected at a store the member chooses at checkout: a radio named by the store. */
async function choosePickupStore(page: Page): Promise<void> {
  await expectText(page, '请选择自提门店');
  const stores = page.getByRole('radiogroup', { name: '自提门店' });
  try {
    await stores.getByRole('radio', { name: STORE_NAME, checked: false }).click({ timeout: STEP_TIMEOUT_MS });
    await stores.getByRole('radio', { name: STORE_NAME, checked: true }).waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch (error) {
    // Say what the picker shows instead (still loading, an error, no pickup store, rows without their role).
    const shown = await page.locator('.pickup-stores').first().evaluate((element) => element.outerHTML.slice(0, 2000)).catch(() => 'no .pickup-stores on the page');
    throw new JourneyFailure(`the store radio "${STORE_NAME}" was not found: ${String(error)}\npicker: ${shown}`);
  }
}

const PICKUP_DEADLINE = new RegExp(`请于 \\d+月\\d+日 \\d{2}:\\d{2} 前到 ${STORE_NAME} 自提`);

async function expectBalance(page: Page, appUrl: string, points: number): Promise<void> {
  await openAsDemo(page, appUrl, 'mall/index');
  const balance = page.getByText('我的积分', { exact: true }).filter({ visible: true }).locator('xpath=following-sibling::*[1]');
  await balance.filter({ hasText: new RegExp(`^${points}$`) }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/**
 * The member closes WeChat's pay sheet without paying. The H5 build's pay sheet stand-in pays at once, so the
 * journey answers its call to the sandbox without paying: the app then finds the order still unpaid (待支付).
 */
async function leavePaySheetUnpaid(page: Page, sandboxUrl: string): Promise<() => Promise<void>> {
  const pattern = `${sandboxUrl}/__sandbox/pay/orders/*/pay`;
  await page.route(pattern, (route) =>
    route.fulfill({
      status: route.request().method() === 'OPTIONS' ? 204 : 200,
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type', 'Content-Type': 'application/json' },
      body: route.request().method() === 'OPTIONS' ? '' : '{}',
    }),
  );
  return () => page.unroute(pattern);
}

/**
 * The points mall with WeChat Pay in Chromium: a points-only coupon redeemed into 我的券, an unpaid order cancelled
 * (points back), a points + cash order paid
 * through the sandbox, its pickup QR written off by a staff member, and the member seeing it used.
 */
export async function runMallJourney(context: E2eContext): Promise<string[]> {
  const member = await openWatchedPage(context.browser);
  const staff = await openWatchedPage(context.browser);
  const { page } = member;
  const done: string[] = [];
  const step = stepsFor(member, 'mall', context.screenshots, done);
  const staffStep = stepsFor(staff, 'mall-staff', context.screenshots, done);
  let pickupToken = '';

  await step('mall-and-balance', async () => {
    // The mall's list is public: the member logs in on the home page first, as when opening the mini-program.
    await page.goto(`${context.appUrl}/?as=demo#/pages/home/index`);
    await expectText(page, '我的积分');
    await expectBalance(page, context.appUrl, DEMO_POINTS);
    await expectText(page, PICKUP_ITEM);
    // The seeded product photo, served by the BFF, loads (named by the item for screen readers).
    const photo = page.locator(`img[alt="${PICKUP_ITEM}"]`).filter({ visible: true }).first();
    await photo.scrollIntoViewIfNeeded({ timeout: STEP_TIMEOUT_MS });
    await page.waitForFunction((image) => image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0, await photo.elementHandle(), {
      timeout: STEP_TIMEOUT_MS,
    });
  });

  await step('redeem-points-only', async () => {
    await openMallItem(page, context.appUrl, COUPON_ITEM);
    await expectText(page, `兑换后剩余积分 ${AFTER_COUPON}`);
    await tapText(page, '立即兑换');
    await expectText(page, '确认兑换');
    await tapText(page, '确定');
    // The order page, loaded: leaving it while it loads would abort its request.
    await expectText(page, '下单时间');
    await expectText(page, '兑换成功');
    await expectBalance(page, context.appUrl, AFTER_COUPON);
  });

  await step('coupon-in-my-coupons', async () => {
    await openAsDemo(page, context.appUrl, 'coupons/index');
    await expectText(page, COUPON_ITEM);
  });

  await step('item-preview', async () => {
    await openMallItem(page, context.appUrl, PICKUP_ITEM);
    await expectText(page, '合计 600 积分 + ¥9.90');
    await expectText(page, `兑换后剩余积分 ${AFTER_COUPON - 600}`);
    // The coupon just redeemed is offered at checkout, refused with the shared rule's reason: ¥9.90 is under 满50.
    const offered = page.locator('.mall-item__coupon-option').filter({ hasText: COUPON_ITEM });
    await offered.getByText('消费金额未达到该券的使用门槛').waitFor({ timeout: STEP_TIMEOUT_MS });
  });

  await step('pay-sheet-closed-order-unpaid', async () => {
    const restorePaySheet = await leavePaySheetUnpaid(page, context.sandboxUrl);
    try {
      await choosePickupStore(page);
      await tapText(page, '立即兑换并支付');
      await expectText(page, '确认兑换');
      await tapText(page, '确定');
      await expectText(page, '待支付');
      await expectText(page, /请在 .+ 前完成支付/);
    } finally {
      await restorePaySheet();
    }
  });

  await step('cancel-unpaid-order', async () => {
    await tapText(page, '取消订单');
    await expectText(page, '取消后积分将退回你的账户，商品库存释放。确定取消吗？');
    await tapText(page, '确定取消');
    await expectText(page, '你已取消订单');
    await expectText(page, '已取消');
  });

  await step('points-returned', async () => {
    await expectBalance(page, context.appUrl, AFTER_COUPON);
  });

  await step('redeem-and-pay', async () => {
    await openMallItem(page, context.appUrl, PICKUP_ITEM);
    await choosePickupStore(page);
    await tapText(page, '立即兑换并支付');
    await expectText(page, new RegExp(`到 ${STORE_NAME} 自提，现金部分通过微信支付`));
    await tapText(page, '确定');
    await expectText(page, '兑换成功');
    await expectText(page, '支付时间');
    // The order names the store chosen, its address and hours, and until when it waits there.
    await expectText(page, '自提门店');
    await expectText(page, '营业时间');
    await expectText(page, PICKUP_DEADLINE);
  });

  await step('pickup-qr', async () => {
    await page.getByLabel('核销二维码').waitFor({ timeout: STEP_TIMEOUT_MS });
    await expectText(page, '到店出示此码，店员扫码核销');
    // A browser cannot scan: the staff member types the numeric code printed beside the QR, as a till does when
    // the scan fails (the H5 build also shows the token for pasting).
    pickupToken = ((await page.getByLabel('数字码').first().textContent()) ?? '').trim();
    if (!/^8\d{3} \d{4} \d{4}$/.test(pickupToken)) throw new JourneyFailure(`no numeric code beside the QR: "${pickupToken}"`);
  });

  await staffStep('staff-writes-off', async () => {
    await staff.page.goto(`${context.appUrl}/?as=demo#/pages/writeoff/index`);
    await expectText(staff.page, STORE_NAME);
    await staff.page.getByRole('textbox', { name: '粘贴顾客的券码' }).fill(pickupToken);
    await tapText(staff.page, '查询券码');
    await expectText(staff.page, '待核销');
    await expectText(staff.page, '自提订单');
    await expectText(staff.page, PICKUP_ITEM);
    await tapText(staff.page, '确认核销');
    await expectText(staff.page, '✅ 核销成功');
    await expectText(staff.page, `门店：${STORE_NAME}`);
  });

  await step('member-sees-it-used', async () => {
    // The QR renews itself: a reload in the middle of a renewal would abort it (reported as a failure).
    await page.waitForLoadState('networkidle');
    await page.reload();
    await expectText(page, '已核销');
    await expectText(page, STORE_NAME);
    if ((await page.getByLabel('核销二维码').count()) > 0) throw new JourneyFailure('the used order still shows its QR');
  });

  await step('rate-the-order', async () => {
    // The written-off order asks for a rating; the rating page takes stars and a comment, and the order shows them.
    await expectText(page, '这单满意吗？');
    const orderUrl = page.url();
    await tapText(page, '去评价 ›');
    await page.getByLabel('4 分').click();
    // Taro's H5 textarea carries the placeholder on its wrapper too: fill the textarea itself.
    await page.locator('textarea[placeholder="说说你的感受（选填）"]').fill('帆布袋很结实');
    await tapText(page, '提交');
    await expectText(page, '感谢你的评价');
    await page.waitForLoadState('networkidle');
    await page.goto('about:blank');
    await page.goto(orderUrl);
    await expectText(page, '我的评价');
    await expectText(page, /帆布袋很结实/);
    if ((await page.getByText('去评价 ›').count()) > 0) throw new JourneyFailure('the rated order still asks for a rating');
  });

  await step('orders-list', async () => {
    await openAsDemo(page, context.appUrl, 'orders/index');
    await expectText(page, '兑换成功');
    await expectText(page, '已取消');
  });

  return done;
}
