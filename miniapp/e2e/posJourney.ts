import { randomBytes } from 'node:crypto';
import { DEMO_OPERATORS } from '../../scripts/seed/operatorSeeder';
import { tillClient } from '../../scripts/till/tillClient';
import { type E2eContext } from './context';
import { newPerson } from './people';
import { expectText, JourneyFailure, tapText } from './steps';

const STORE_CODE = 'SH-001';
const PURCHASE_FEN = 52_000;
/** Seeded (scripts/seed): 300 points, issued into 我的券; 满50减10 at a store. */
const COUPON_ITEM = '满50减10券';
const COUPON_POINTS = 300;
/** The second purchase: ¥60 of drinks, ¥10 off with the coupon, ¥50 paid. */
const COUPON_PURCHASE_FEN = 6_000;
const COUPON_DISCOUNT_FEN = 1_000;

/** POST /api/<route> as the console would, with the operator's session cookie. */
async function opsPost(apiBase: string, route: string, body: unknown, cookie?: string): Promise<{ status: number; body: Record<string, unknown>; cookie: string | null }> {
  const answer = await fetch(`${apiBase}/api/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  const setCookie = answer.headers.get('set-cookie');
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown>, cookie: setCookie ? setCookie.split(';')[0] ?? null : null };
}

/** The demo admin makes a till key for the demo store through the ops API (as 接入管理 does), secret shown once. */
async function tillKeyOfDemoStore(apiBase: string): Promise<{ keyId: string; secret: string }> {
  const admin = DEMO_OPERATORS.find((operator) => operator.loginName === 'admin');
  if (!admin) throw new JourneyFailure('no demo admin in the seed');
  const login = await opsPost(apiBase, 'ops.login', { loginName: admin.loginName, password: admin.password });
  if (login.status !== 200 || !login.cookie) throw new JourneyFailure(`ops.login answered ${login.status}`);
  const stores = await opsPost(apiBase, 'ops.stores.list', { query: STORE_CODE }, login.cookie);
  const storeId = (stores.body.items as { id: string; code: string }[] | undefined)?.find((store) => store.code === STORE_CODE)?.id;
  if (!storeId) throw new JourneyFailure(`the demo store ${STORE_CODE} is not found: ${JSON.stringify(stores.body)}`);
  const created = await opsPost(apiBase, 'ops.integrations.create', { name: `e2e 收银 ${randomBytes(2).toString('hex')}`, kind: 'store', storeId }, login.cookie);
  const integration = created.body.integration as { keyId: string } | undefined;
  if (created.status !== 200 || !integration) throw new JourneyFailure(`ops.integrations.create answered ${created.status}: ${JSON.stringify(created.body)}`);
  return { keyId: integration.keyId, secret: String(created.body.secret) };
}

/**
 * A purchase at the till: a new member shows 会员码 in the mini-program; the till (the simulator's signed client)
 * scans the QR's token and records a ¥520 purchase, which lifts the member to 金卡 at once; the member sees the
 * points, the purchase in 消费记录 and 金卡; the member redeems a 满50减10 coupon with those points, attaches it to
 * 会员码, and the till's next purchase carries it: the coupon is 已使用 and 消费记录 shows the discount; the till refunds
 * half of the first purchase and the member sees the points taken back, explained in 积分明细, and the refund in 消费记录.
 */
export async function runPosJourney(context: E2eContext): Promise<string[]> {
  const done: string[] = [];
  const member = await newPerson(context, 'member', done, 'pos');
  const till = tillClient(context.apiBase, await tillKeyOfDemoStore(context.apiBase));
  const receiptNo = `E2E-${randomBytes(4).toString('hex').toUpperCase()}`;

  let token = '';
  await member.step('shows-member-code', async () => {
    await member.open('/pages/member-code/index');
    await expectText(member.page, '普卡');
    const field = member.page.locator('.member-code__token input');
    await field.waitFor();
    token = await field.inputValue();
    if (!token) throw new JourneyFailure('the member code page shows no token');
  });

  await member.step('till-records-purchase-to-gold', async () => {
    const identified = await till.call('pos.identify', { memberCode: token });
    if (identified.member.tier.level !== 'basic') throw new JourneyFailure(`a new member identified as ${identified.member.tier.name}`);
    const bought = await till.call('pos.purchase', {
      receiptNo,
      purchasedAt: new Date().toISOString(),
      lines: [{ sku: 'CAKE-8', name: '8寸生日蛋糕', qty: 1, amountFen: PURCHASE_FEN }],
      totalFen: PURCHASE_FEN,
      discountFen: 0,
      pointsToRedeem: 0,
      paidFen: PURCHASE_FEN,
      memberCode: token,
      couponIds: [],
    });
    if (bought.pointsEarned !== 520 || bought.member.tier.level !== 'gold' || !bought.member.tierChanged) {
      throw new JourneyFailure(`the purchase answered ${JSON.stringify(bought)}`);
    }
  });

  await member.step('sees-gold-points-and-purchase', async () => {
    await member.open('/pages/me/index');
    await expectText(member.page, '金卡会员');
    await member.open('/pages/points/index');
    await member.page.locator('.points__summary-balance').getByText('520', { exact: true }).waitFor();
    await member.open('/pages/purchases/index');
    const card = member.page.locator('.purchases__card').filter({ hasText: '8寸生日蛋糕' });
    await card.getByText('实付 ¥520', { exact: true }).waitFor();
    await card.getByText(/\+520 积分/).waitFor();
  });

  await member.step('redeems-a-coupon-in-the-mall', async () => {
    await member.open('/pages/mall/index');
    await tapText(member.page, COUPON_ITEM);
    await expectText(member.page, '兑换规则');
    await expectText(member.page, `兑换后剩余积分 ${520 - COUPON_POINTS}`);
    await tapText(member.page, '立即兑换');
    await expectText(member.page, '确认兑换');
    await tapText(member.page, '确定');
    await expectText(member.page, '下单时间');
    await expectText(member.page, '兑换成功');
  });

  let couponToken = '';
  await member.step('attaches-the-coupon-to-member-code', async () => {
    await member.open('/pages/member-code/index');
    await member.page.locator('.member-code__coupon').filter({ hasText: COUPON_ITEM }).click();
    await expectText(member.page, '已附带 1 张券，收银员扫码即核销');
    const field = member.page.locator('.member-code__token input');
    // The code is issued again with the coupon attached: wait for the new token.
    await member.page.waitForFunction((used) => (document.querySelector('.member-code__token input') as HTMLInputElement | null)?.value !== used, token);
    couponToken = await field.inputValue();
    if (!couponToken || couponToken === token) throw new JourneyFailure('the member code was not issued again with the coupon');
  });

  let pointsAfterCouponPurchase = 0;
  await member.step('till-writes-off-the-coupon-with-a-purchase', async () => {
    const identified = await till.call('pos.identify', { memberCode: couponToken });
    const coupon = identified.coupons.find((candidate) => candidate.title === COUPON_ITEM);
    if (!coupon || coupon.blocker !== null) throw new JourneyFailure(`the till does not see the attached coupon as usable: ${JSON.stringify(identified.coupons)}`);
    const bought = await till.call('pos.purchase', {
      receiptNo: `${receiptNo}-C`,
      purchasedAt: new Date().toISOString(),
      lines: [{ sku: 'DRINK-M', name: '中杯拿铁', qty: 2, amountFen: COUPON_PURCHASE_FEN }],
      totalFen: COUPON_PURCHASE_FEN,
      discountFen: COUPON_DISCOUNT_FEN,
      pointsToRedeem: 0,
      paidFen: COUPON_PURCHASE_FEN - COUPON_DISCOUNT_FEN,
      memberCode: couponToken,
      couponIds: [coupon.id],
    });
    if (bought.couponsWrittenOff.length !== 1 || bought.couponsWrittenOff[0] !== coupon.id || bought.pointsEarned <= 0) {
      throw new JourneyFailure(`the purchase with the coupon answered ${JSON.stringify(bought)}`);
    }
    pointsAfterCouponPurchase = 520 - COUPON_POINTS + bought.pointsEarned;
  });

  await member.step('sees-the-coupon-used-and-the-discount', async () => {
    await member.open('/pages/coupons/index');
    await tapText(member.page, '已使用/已过期');
    const card = member.page.locator('.coupon-card').filter({ hasText: COUPON_ITEM });
    await card.getByText('已使用').first().waitFor();
    await member.open('/pages/purchases/index');
    const purchase = member.page.locator('.purchases__card').filter({ hasText: '中杯拿铁' });
    await purchase.getByText('优惠 ¥10', { exact: true }).waitFor();
    await purchase.getByText('实付 ¥50', { exact: true }).waitFor();
    await purchase.getByText(/用券 1 张/).waitFor();
    await member.open('/pages/points/index');
    await member.page.locator('.points__summary-balance').getByText(String(pointsAfterCouponPurchase), { exact: true }).waitFor();
  });

  await member.step('half-refund-clawed-back-and-explained', async () => {
    const refunded = await till.call('pos.refund', { receiptNo, refundNo: `${receiptNo}-R1`, refundedAt: new Date().toISOString(), refundFen: PURCHASE_FEN / 2 });
    if (refunded.status !== 'settled' || refunded.pointsClawedBack !== 260) throw new JourneyFailure(`the refund answered ${JSON.stringify(refunded)}`);
    await member.open('/pages/points/index');
    await member.page.locator('.points__summary-balance').getByText(String(pointsAfterCouponPurchase - 260), { exact: true }).waitFor();
    const line = member.page.locator('.points__entry').filter({ hasText: '消费退款，收回所得积分' });
    await line.getByText('-260', { exact: true }).waitFor();
    await member.open('/pages/purchases/index');
    const card = member.page.locator('.purchases__card').filter({ hasText: '8寸生日蛋糕' });
    await card.getByText('部分退款').waitFor();
    await card.getByText(/已退 ¥260/).waitFor();
  });

  await member.leave();
  return done;
}
