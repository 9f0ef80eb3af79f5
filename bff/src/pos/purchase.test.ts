import type { Birthday, TierLevel } from '@cakeday/shared';
import { CouponModel } from '../coupons/Coupon.model';
import { MemberCodeModel } from '../memberCode/MemberCode.model';
import { MemberModel, type Member } from '../members/Member.model';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildIntegration, freshNonce, signedPost, type TestIntegration } from '../test/integrationFactories';
import { buildStore } from '../test/operatorFactories';
import { buildMemberCoupon, memberCodeFor, purchaseBody } from '../test/posFactories';
import { rollingSpendFen } from '../tiers/rollingSpend';
import { EventModel } from '../events/Event.model';
import { PosPurchaseModel } from './PosPurchase.model';

useTestDatabase();
const shanghai = (local: string): Date => new Date(`${local}+08:00`);
const clock = { now: shanghai('2026-06-10T12:00:00') };
let app: TestApp;
let till: TestIntegration;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  till = await buildIntegration();
});

const receipt = (): string => `R-${freshNonce()}`;
const balanceOf = async (member: Member): Promise<number> => (await PointsAccountModel.findById(member._id).lean())?.balance ?? 0;
const tierOf = async (member: Member): Promise<TierLevel | undefined> => (await MemberModel.findById(member._id).lean())?.tier.level;
const memberWith = (level: TierLevel = 'basic', birthday: Birthday | null = null): Promise<Member> =>
  buildMember({ nickname: '王小明', tier: { level, since: new Date('2025-01-01T00:00:00.000Z'), reviewedAt: null }, birthday: birthday ? { ...birthday, year: 2000 } : null, createdAt: new Date('2025-01-01T00:00:00.000Z') });

async function buy(member: Member, totalFen: number, options: { discountFen?: number; coupons?: string[]; receiptNo?: string; integration?: TestIntegration } = {}) {
  const code = await memberCodeFor(app.http, member, [], clock.now);
  const body = purchaseBody(code.numericCode, options.receiptNo ?? receipt(), totalFen, { at: clock.now, discountFen: options.discountFen, couponIds: options.coupons });
  return signedPost(app.http, options.integration ?? till, 'pos.purchase', body, { at: clock.now });
}

describe('pos.identify', () => {
  it('shows the till the member by a masked name, tier, points and the attached coupons, by QR token or typed number', async () => {
    const member = await memberWith('gold');
    const coupon = await buildMemberCoupon(member, clock.now);
    const code = await memberCodeFor(app.http, member, [coupon], clock.now);
    for (const scanned of [code.token, code.numericCode.replace(/(\d{4})/g, '$1 ')]) {
      const response = await signedPost(app.http, till, 'pos.identify', { memberCode: scanned }, { at: clock.now });
      expect(response.status).toBe(200);
      expect(response.body.member).toEqual({ maskedName: '王*明', tier: { level: 'gold', name: '金卡' }, pointsBalance: 0 });
      expect(response.body.coupons).toEqual([expect.objectContaining({ id: coupon._id.toHexString(), title: '满50减10券', blocker: null })]);
      expect(JSON.stringify(response.body)).not.toMatch(/openid|phone|birthday/);
    }
  });

  it('refuses an expired code, a forged token and a code a purchase already used', async () => {
    const member = await memberWith();
    const code = await memberCodeFor(app.http, member, [], clock.now);
    const forged = await signedPost(app.http, till, 'pos.identify', { memberCode: `${code.token.slice(0, -2)}xx` }, { at: clock.now });
    expect([forged.status, forged.body.error.code]).toEqual([422, 'MEMBER_CODE_INVALID']);
    const later = new Date(clock.now.getTime() + 61_000);
    const expired = await signedPost(app.http, till, 'pos.identify', { memberCode: code.numericCode }, { at: later });
    expect(expired.status).toBe(200); // the till's clock is not the server's: the server's clock decides
    clock.now = later;
    try {
      const refused = await signedPost(app.http, till, 'pos.identify', { memberCode: code.numericCode }, { at: clock.now });
      expect([refused.status, refused.body.error.code]).toEqual([422, 'MEMBER_CODE_EXPIRED']);
    } finally {
      clock.now = new Date(later.getTime() - 61_000);
    }
    const fresh = await memberCodeFor(app.http, member, [], clock.now);
    expect((await signedPost(app.http, till, 'pos.purchase', purchaseBody(fresh.numericCode, receipt(), 1000, { at: clock.now }), { at: clock.now })).status).toBe(200);
    const used = await signedPost(app.http, till, 'pos.identify', { memberCode: fresh.numericCode }, { at: clock.now });
    expect([used.status, used.body.error.code]).toEqual([409, 'MEMBER_CODE_USED']);
  });
});

describe('pos.purchase', () => {
  it('records a ¥520 purchase with a coupon: points at the tier rate, the coupon written off, 金卡 at once, code spent', async () => {
    const member = await memberWith();
    const coupon = await buildMemberCoupon(member, clock.now);
    const code = await memberCodeFor(app.http, member, [coupon], clock.now);
    const body = purchaseBody(code.numericCode, receipt(), 53000, { at: clock.now, discountFen: 1000, couponIds: [coupon._id.toHexString()] });
    const response = await signedPost(app.http, till, 'pos.purchase', body, { at: clock.now });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ paidFen: 52000, pointsEarned: 520, couponsWrittenOff: [coupon._id.toHexString()], member: { tier: { level: 'gold' }, tierChanged: true, pointsBalance: 520 } });
    expect(await CouponModel.findById(coupon._id).lean()).toMatchObject({ status: 'used', usedStoreName: till.store?.name });
    expect(await MemberCodeModel.findOne({ code: code.numericCode }).lean()).toMatchObject({ usedByPurchaseKey: `${till.integration._id.toHexString()}:${body.receiptNo}` });
    expect(await rollingSpendFen(member._id.toHexString(), clock.now)).toBe(52000);
    // The member reads it in 积分明细.
    const history = await app.http.post('/api/points.history').set('Authorization', await sessionFor(member, { now: clock.now })).send({});
    expect(history.body.items[0]).toMatchObject({ delta: 520 });
    expect(JSON.stringify(history.body.items[0])).toContain(body.receiptNo);
  });

  it('moves the tier exactly at ¥500 and ¥2,000 of spend, to the fen', async () => {
    const member = await memberWith();
    expect((await buy(member, 49_999)).body.member).toMatchObject({ tier: { level: 'basic' }, tierChanged: false });
    expect((await buy(member, 1)).body.member).toMatchObject({ tier: { level: 'gold' }, tierChanged: true });
    expect((await buy(member, 149_999)).body.member.tier.level).toBe('gold');
    expect((await buy(member, 1)).body.member).toMatchObject({ tier: { level: 'diamond' }, tierChanged: true });
    expect(await tierOf(member)).toBe('diamond');
  });

  it.each([
    ['普卡 outside the birthday month', 'basic', { month: 7, day: 1 }, 123],
    ['普卡 in the birthday month', 'basic', { month: 6, day: 20 }, 123],
    ['金卡 in the birthday month', 'gold', { month: 6, day: 20 }, 184],
    ['钻石卡 outside the birthday month', 'diamond', { month: 7, day: 1 }, 246],
    ['钻石卡 in the birthday month (its birthday rate, 4 per yuan)', 'diamond', { month: 6, day: 1 }, 492],
  ] as const)('earns by the settings: %s', async (_name, level, birthday, expected) => {
    const member = await memberWith(level, birthday);
    const response = await buy(member, 12_345);
    expect(response.body.pointsEarned).toBe(expected);
    expect(await balanceOf(member)).toBe(expected);
  });

  it('records one purchase for ten concurrent copies of a receipt, and refuses the number with other content', async () => {
    const member = await memberWith();
    const code = await memberCodeFor(app.http, member, [], clock.now);
    const body = purchaseBody(code.numericCode, receipt(), 30_000, { at: clock.now });
    const responses = await Promise.all(Array.from({ length: 10 }, () => signedPost(app.http, till, 'pos.purchase', body, { at: clock.now })));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(responses.every((response) => response.body.pointsEarned === 300)).toBe(true);
    expect(await PosPurchaseModel.countDocuments({ receiptNo: body.receiptNo })).toBe(1);
    expect(await balanceOf(member)).toBe(300);
    expect(await PointsEntryModel.countDocuments({ memberId: member._id })).toBe(1);
    expect(await rollingSpendFen(member._id.toHexString(), clock.now)).toBe(30_000);
    // One fact for the analytics outbox (RFM, rollups), however many copies came.
    expect(await EventModel.find({ type: 'purchase.recorded', memberId: member._id }).lean()).toEqual([expect.objectContaining({ subject: { type: 'purchase', id: expect.any(String) }, props: expect.objectContaining({ amountFen: 30_000 }) })]);
    const changed = await signedPost(app.http, till, 'pos.purchase', { ...body, lines: [{ ...body.lines[0]!, amountFen: 40_000 }], totalFen: 40_000, paidFen: 40_000 }, { at: clock.now });
    expect([changed.status, changed.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('refuses amounts that do not add up, another store, coupons not attached to the code, and a code used by another receipt', async () => {
    const member = await memberWith();
    const attached = await buildMemberCoupon(member, clock.now);
    const other = await buildMemberCoupon(member, clock.now);
    const code = await memberCodeFor(app.http, member, [attached], clock.now);
    const body = purchaseBody(code.numericCode, receipt(), 10_000, { at: clock.now });
    const mismatch = await signedPost(app.http, till, 'pos.purchase', { ...body, paidFen: 9_000 }, { at: clock.now });
    expect([mismatch.status, mismatch.body.error.code]).toEqual([422, 'POS_AMOUNTS_MISMATCH']);
    const otherStore = await buildStore();
    const wrongStore = await signedPost(app.http, till, 'pos.purchase', { ...body, storeCode: otherStore.code }, { at: clock.now });
    expect([wrongStore.status, wrongStore.body.error.code]).toEqual([403, 'POS_WRONG_STORE']);
    const notAttached = await signedPost(app.http, till, 'pos.purchase', { ...purchaseBody(code.numericCode, receipt(), 10_000, { at: clock.now, discountFen: 1000 }), couponIds: [other._id.toHexString()] }, { at: clock.now });
    expect([notAttached.status, notAttached.body.error.code]).toEqual([422, 'POS_COUPON_NOT_PRESENTED']);
    expect(await PosPurchaseModel.countDocuments({ memberId: member._id })).toBe(0);
    expect((await signedPost(app.http, till, 'pos.purchase', { ...body, storeCode: till.store?.code }, { at: clock.now })).status).toBe(200);
    const reused = await signedPost(app.http, till, 'pos.purchase', purchaseBody(code.numericCode, receipt(), 10_000, { at: clock.now }), { at: clock.now });
    expect([reused.status, reused.body.error.code]).toEqual([409, 'MEMBER_CODE_USED']);
    const otherTill = await buildIntegration();
    const elsewhere = await signedPost(app.http, otherTill, 'pos.purchase', purchaseBody(code.numericCode, receipt(), 10_000, { at: clock.now }), { at: clock.now });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([409, 'MEMBER_CODE_USED']);
    expect(await balanceOf(member)).toBe(100);
  });

  it('accepts the purchase up to ten minutes after the till identified the member, not after the code expired unidentified', async () => {
    const member = await memberWith();
    const identified = await memberCodeFor(app.http, member, [], clock.now);
    const unidentified = await memberCodeFor(app.http, member, [], clock.now);
    expect((await signedPost(app.http, till, 'pos.identify', { memberCode: identified.token }, { at: clock.now })).status).toBe(200);
    const start = clock.now;
    clock.now = new Date(start.getTime() + 5 * 60_000);
    try {
      const late = await signedPost(app.http, till, 'pos.purchase', purchaseBody(unidentified.numericCode, receipt(), 1000, { at: clock.now }), { at: clock.now });
      expect([late.status, late.body.error.code]).toEqual([422, 'MEMBER_CODE_EXPIRED']);
      const otherTill = await buildIntegration();
      const notHere = await signedPost(app.http, otherTill, 'pos.purchase', purchaseBody(identified.numericCode, receipt(), 1000, { at: clock.now }), { at: clock.now });
      expect([notHere.status, notHere.body.error.code]).toEqual([422, 'MEMBER_CODE_EXPIRED']);
      expect((await signedPost(app.http, till, 'pos.purchase', purchaseBody(identified.numericCode, receipt(), 1000, { at: clock.now }), { at: clock.now })).status).toBe(200);
    } finally {
      clock.now = start;
    }
  });

  it('writes a coupon off once whether the till or the staff scan of its own QR comes first', async () => {
    const member = await memberWith();
    const coupon = await buildMemberCoupon(member, clock.now);
    const code = await memberCodeFor(app.http, member, [coupon], clock.now);
    // The member also shows the coupon's own QR and the staff write it off first.
    await CouponModel.updateOne({ _id: coupon._id }, { $set: { status: 'used', usedAt: clock.now } });
    const response = await signedPost(app.http, till, 'pos.purchase', purchaseBody(code.numericCode, receipt(), 10_000, { at: clock.now, discountFen: 1000, couponIds: [coupon._id.toHexString()] }), { at: clock.now });
    expect([response.status, response.body.error.code]).toEqual([409, 'COUPON_NOT_AVAILABLE']);
    expect(await MemberCodeModel.findOne({ code: code.numericCode }).lean()).toMatchObject({ usedByPurchaseKey: null });
    expect(await balanceOf(member)).toBe(0);
  });
});
