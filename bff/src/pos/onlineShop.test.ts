import type { PosMemberRef } from '@cakeday/shared';
import { CouponModel } from '../coupons/Coupon.model';
import { keyedHash } from '../members/personalDataCrypto';
import { PosPurchaseModel } from './PosPurchase.model';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildIntegration, freshNonce, signedPost, type TestIntegration } from '../test/integrationFactories';
import { buildMemberCoupon } from '../test/posFactories';

useTestDatabase();
const clock = { now: new Date('2026-06-10T04:00:00.000Z') };
let app: TestApp;
let shop: TestIntegration;
let till: TestIntegration;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  shop = await buildIntegration({ kind: 'online' });
  till = await buildIntegration();
});

const order = (member: PosMemberRef, totalFen: number, couponIds: string[] = [], discountFen = 0) => ({
  receiptNo: `WX-${freshNonce()}`,
  purchasedAt: clock.now.toISOString(),
  lines: [{ sku: 'CAKE-6', name: '6寸蛋糕（线上）', qty: 1, amountFen: totalFen }],
  totalFen,
  discountFen,
  paidFen: totalFen - discountFen,
  member,
  couponIds,
});

describe('the online shop names the member by openid, unionid or phone', () => {
  it('identifies and records a purchase by each, with the member’s own coupon', async () => {
    const phone = '13912345678';
    const member = await buildMember({ nickname: '王五', unionid: `u-${freshNonce()}`, phoneHash: keyedHash('phone', phone, testConfig().DATA_HASH_KEY) });
    for (const ref of [{ openid: member.openid }, { unionid: member.unionid ?? '' }, { phone }]) {
      const identified = await signedPost(app.http, shop, 'pos.identify', { member: ref }, { at: clock.now });
      expect(identified.status).toBe(200);
      expect(identified.body).toMatchObject({ member: { maskedName: '王*' }, checkoutUntil: null });
    }
    const coupon = await buildMemberCoupon(member, clock.now);
    const body = order({ phone: `+86${phone}` }, 20_000, [coupon._id.toHexString()], 1000);
    const bought = await signedPost(app.http, shop, 'pos.purchase', body, { at: clock.now });
    expect(bought.status).toBe(200);
    expect(bought.body).toMatchObject({ pointsEarned: 190, couponsWrittenOff: [coupon._id.toHexString()] });
    expect(await PosPurchaseModel.findOne({ receiptNo: body.receiptNo }).lean()).toMatchObject({ channel: 'online', storeId: null, memberCodeId: null });
    expect(JSON.stringify(await PosPurchaseModel.findOne({ receiptNo: body.receiptNo }).lean())).not.toContain(phone);
    expect((await CouponModel.findById(coupon._id).lean())?.status).toBe('used');
  });

  it('refuses a store till naming a member, an unknown member, another member’s coupon, and neither or both ways of naming', async () => {
    const member = await buildMember();
    const fromTill = await signedPost(app.http, till, 'pos.purchase', order({ openid: member.openid }, 1000), { at: clock.now });
    expect([fromTill.status, fromTill.body.error.code]).toEqual([403, 'POS_ONLINE_ONLY']);
    const unknown = await signedPost(app.http, shop, 'pos.identify', { member: { openid: 'o-nobody' } }, { at: clock.now });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'POS_MEMBER_NOT_FOUND']);
    const someoneElses = await buildMemberCoupon(await buildMember(), clock.now);
    const stolen = await signedPost(app.http, shop, 'pos.purchase', order({ openid: member.openid }, 10_000, [someoneElses._id.toHexString()], 1000), { at: clock.now });
    expect([stolen.status, stolen.body.error.code]).toEqual([422, 'POS_COUPON_NOT_PRESENTED']);
    const neither = await signedPost(app.http, shop, 'pos.identify', {}, { at: clock.now });
    expect([neither.status, neither.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const both = await signedPost(app.http, shop, 'pos.identify', { memberCode: '660000000000000000', member: { openid: member.openid } }, { at: clock.now });
    expect(both.status).toBe(400);
  });
});
