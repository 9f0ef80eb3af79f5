import type { CouponConditions } from '@cakeday/shared';
import type { Member } from '../members/Member.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildIntegration, freshNonce, signedPost, type TestIntegration } from '../test/integrationFactories';
import { buildOperator, buildStore, opsCookieFor } from '../test/operatorFactories';
import { memberCodeFor, purchaseBody } from '../test/posFactories';
import { StaffAllowanceModel } from '../writeoff/StaffAllowance.model';
import type { Store } from '../writeoff/Store.model';
import { CouponModel, type Coupon } from './Coupon.model';
import { issueCoupon } from './issueCoupon';

useTestDatabase();

const shanghai = (local: string): Date => new Date(`${local}+08:00`);
const clock = { now: shanghai('2026-06-10T12:00:00') };
let app: TestApp;
let ops: string;
let till: TestIntegration;
let otherStore: Store;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
  till = await buildIntegration();
  otherStore = await buildStore();
});

const noConditions: CouponConditions = { firstOrderOnly: false, tiers: [], birthdayMonthOnly: false, storeIds: [], channels: [] };
let sequence = 0;

/** A template made in the console with these conditions, and one coupon of it issued to the member. */
async function couponWith(member: Member, conditions: Partial<CouponConditions>, minSpendFen = 5000): Promise<Coupon> {
  sequence += 1;
  const code = `cond-${sequence}`;
  const created = await app.http
    .post('/api/ops.couponTemplates.create')
    .set('Cookie', ops)
    .send({ code, title: '满50减10券', type: 'amount_off', amountOffFen: 1000, minSpendFen, validDays: 30, conditions: { ...noConditions, ...conditions } });
  if (created.status !== 200) throw new Error(`template: ${created.status} ${JSON.stringify(created.body)}`);
  return issueCoupon({ memberId: member._id.toHexString(), templateCode: code, source: 'birthday', sourceKey: `cond-${sequence}` }, clock.now);
}

async function staffOf(store: Store): Promise<string> {
  const staff = await buildMember();
  await StaffAllowanceModel.create({ openid: staff.openid, storeId: store._id, name: '店员小王', active: true, createdAt: clock.now });
  return sessionFor(staff, { now: clock.now });
}

async function scan(member: Member, coupon: Coupon, staff: string, route: 'writeoff.preview' | 'writeoff.redeem') {
  const auth = await sessionFor(member, { now: clock.now });
  const qr = await app.http.post('/api/coupons.qr').set('Authorization', auth).send({ couponId: coupon._id.toHexString() });
  return app.http.post(`/api/${route}`).set('Authorization', staff).send({ token: qr.body.token });
}

const buyWith = async (member: Member, coupon: Coupon, totalFen: number, discountFen = 1000) => {
  const code = await memberCodeFor(app.http, member, [coupon], clock.now);
  const body = purchaseBody(code.numericCode, `R-${freshNonce()}`, totalFen, { at: clock.now, discountFen, couponIds: [coupon._id.toHexString()] });
  return signedPost(app.http, till, 'pos.purchase', body, { at: clock.now });
};

describe('coupon conditions, set on the template in the console, decided by one rule wherever a coupon is used', () => {
  it('the template keeps its conditions (400 for an unknown channel), shows them in words, and copies them onto each coupon', async () => {
    const member = await buildMember();
    const bad = await app.http.post('/api/ops.couponTemplates.create').set('Cookie', ops).send({ code: 'cond-bad', title: '券', type: 'amount_off', amountOffFen: 100, validDays: 3, conditions: { ...noConditions, channels: ['moon'] } });
    expect(bad.status).toBe(400);
    const coupon = await couponWith(member, { firstOrderOnly: true, tiers: ['gold', 'diamond'], channels: ['store'] });
    expect(coupon.conditions).toMatchObject({ firstOrderOnly: true, tiers: ['gold', 'diamond'], channels: ['store'], storeIds: [], birthdayMonthOnly: false });
    const listed = await app.http.post('/api/ops.couponTemplates.list').set('Cookie', ops).send({ query: coupon.templateCode });
    expect(listed.body.items[0]).toMatchObject({ conditions: { firstOrderOnly: true, channels: ['store'] }, restrictionTexts: ['限首单使用', '限金卡、钻石卡会员', '限门店使用'] });
    const auth = await sessionFor(member, { now: clock.now });
    const mine = await app.http.post('/api/coupons.list').set('Authorization', auth).send({});
    expect(mine.body.items.find((item: { id: string }) => item.id === coupon._id.toHexString())).toMatchObject({ restrictionTexts: ['限首单使用', '限金卡、钻石卡会员', '限门店使用'] });
    const edited = await app.http.post('/api/ops.couponTemplates.update').set('Cookie', ops).send({ id: listed.body.items[0].id, version: 0, conditions: { ...noConditions, birthdayMonthOnly: true } });
    expect(edited.body).toMatchObject({ conditions: { birthdayMonthOnly: true, firstOrderOnly: false }, version: 1 });
  });

  it('the till: refused with the condition it breaks (minimum spend to the fen, another store, online only), nothing recorded', async () => {
    const member = await buildMember();
    const minSpend = await couponWith(member, {}, 5000);
    const belowMinimum = await buyWith(member, minSpend, 4999);
    expect([belowMinimum.status, belowMinimum.body.error.code]).toEqual([422, 'COUPON_MIN_SPEND_NOT_MET']);
    expect(belowMinimum.body.error.message).toBe('消费金额未达到该券的使用门槛');
    const elsewhere = await couponWith(member, { storeIds: [otherStore._id.toHexString()] });
    const wrongStore = await buyWith(member, elsewhere, 10_000);
    expect([wrongStore.status, wrongStore.body.error.code]).toEqual([422, 'COUPON_STORE_NOT_ALLOWED']);
    const onlineOnly = await couponWith(member, { channels: ['online'] });
    const code = await memberCodeFor(app.http, member, [onlineOnly], clock.now);
    const identified = await signedPost(app.http, till, 'pos.identify', { memberCode: code.token }, { at: clock.now });
    expect(identified.body.coupons[0].blocker).toEqual({ code: 'COUPON_CHANNEL_NOT_ALLOWED', message: '该券不能在此渠道使用（请查看券上的使用范围）' });
    const wrongChannel = await buyWith(member, onlineOnly, 10_000);
    expect([wrongChannel.status, wrongChannel.body.error.code]).toEqual([422, 'COUPON_CHANNEL_NOT_ALLOWED']);
    expect(await CouponModel.countDocuments({ memberId: member._id, status: 'used' })).toBe(0);
    expect((await buyWith(member, minSpend, 5000)).status).toBe(200);
  });

  it("the staff's scan: another store's coupon, a mall-only coupon and a gold-only coupon are refused with their reason, on preview and write-off", async () => {
    const member = await buildMember();
    const staffElsewhere = await staffOf(otherStore);
    const staffHere = await staffOf(till.store as Store);
    const storeBound = await couponWith(member, { storeIds: [till.store?._id.toHexString() ?? ''] });
    for (const route of ['writeoff.preview', 'writeoff.redeem'] as const) {
      const refused = await scan(member, storeBound, staffElsewhere, route);
      expect([refused.status, refused.body.error.code]).toEqual([422, 'COUPON_STORE_NOT_ALLOWED']);
    }
    expect((await CouponModel.findById(storeBound._id).lean())?.status).toBe('available');
    expect((await scan(member, storeBound, staffHere, 'writeoff.redeem')).status).toBe(200);
    const mallOnly = await couponWith(member, { channels: ['mall'] });
    const mall = await scan(member, mallOnly, staffHere, 'writeoff.redeem');
    expect([mall.status, mall.body.error.code]).toEqual([422, 'COUPON_CHANNEL_NOT_ALLOWED']);
    const goldOnly = await couponWith(member, { tiers: ['gold', 'diamond'] });
    const tier = await scan(member, goldOnly, staffHere, 'writeoff.preview');
    expect([tier.status, tier.body.error.code, tier.body.error.message]).toEqual([422, 'COUPON_TIER_NOT_ALLOWED', '当前会员等级不能使用该券']);
  });

  it("the invitee's welcome coupon is first-order only wherever it is used: once the member has a kept purchase, the till and the staff refuse it", async () => {
    const member = await buildMember();
    const plain = await couponWith(member, {});
    const welcome = await issueCoupon({ memberId: member._id.toHexString(), templateCode: plain.templateCode, source: 'referral', sourceKey: 'welcome:test', firstOrderOnly: true }, clock.now);
    expect(welcome.conditions?.firstOrderOnly).toBe(true);
    const staff = await staffOf(till.store as Store);
    expect((await scan(member, welcome, staff, 'writeoff.preview')).status).toBe(200);
    expect((await buyWith(member, plain, 10_000)).status).toBe(200);
    const atTill = await buyWith(member, welcome, 10_000);
    expect([atTill.status, atTill.body.error.code]).toEqual([422, 'COUPON_FIRST_ORDER_ONLY']);
    const scanned = await scan(member, welcome, staff, 'writeoff.redeem');
    expect([scanned.status, scanned.body.error.code]).toEqual([422, 'COUPON_FIRST_ORDER_ONLY']);
  });
});
