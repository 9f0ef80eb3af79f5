import { analyticsDay, consentTexts, DEFAULT_BIRTHDAY_PACKAGES, type ServerEventType } from '@cakeday/shared';
import { Types } from 'mongoose';
import { BirthdayClaimModel } from '../birthday/BirthdayClaim.model';
import { BirthdayPackageModel } from '../birthday/BirthdayPackage.model';
import { ConsentModel } from '../consents/Consent.model';
import { CouponModel } from '../coupons/Coupon.model';
import { issueCoupon } from '../coupons/issueCoupon';
import { consumeEvents, EVENT_SETTLE_MS } from '../events/consumeEvents';
import { EventModel } from '../events/Event.model';
import type { Member } from '../members/Member.model';
import { MallOrderModel } from '../orders/MallOrder.model';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, buildPointsLot, sessionFor } from '../test/factories';
import { buildCouponTemplate, buildMallItem } from '../test/mallFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { usePaySandbox } from '../test/paySandbox';
import { StaffAllowanceModel } from '../writeoff/StaffAllowance.model';
import { StoreModel } from '../writeoff/Store.model';
import { analyticsConsumer } from './analyticsConsumer';

useTestDatabase();
// The whole WeChat sandbox: logins, and WeChat Pay (which keeps real time, so the BFF's clock starts now).
const sandbox = usePaySandbox();
const clock = { now: new Date() };
const today = analyticsDay(clock.now);
let app: TestApp;

beforeAll(async () => {
  app = buildTestApp({ config: testConfig(sandbox().config), now: () => clock.now });
  await ensureTestCouponTemplates();
  for (const pkg of DEFAULT_BIRTHDAY_PACKAGES) {
    await BirthdayPackageModel.updateOne({ code: pkg.code }, { $setOnInsert: { ...pkg, active: true, createdAt: clock.now, updatedAt: clock.now } }, { upsert: true });
  }
});

const eventsOf = async (memberId: Types.ObjectId | string, type: ServerEventType) =>
  EventModel.find({ memberId: new Types.ObjectId(String(memberId)), type }).lean();

const login = async (openid: string) => app.http.post('/api/auth.login').send({ code: (await sandbox().sandbox.control.loginCode({ openid })).code });

async function staffAuth(): Promise<string> {
  const store = await StoreModel.create({ code: `S${new Types.ObjectId().toHexString()}`, name: '人民广场店', address: '', createdAt: clock.now });
  const staff = await buildMember({ createdAt: clock.now });
  await StaffAllowanceModel.create({ openid: staff.openid, storeId: store._id, name: '店员小王', active: true, createdAt: clock.now });
  return sessionFor(staff, { now: clock.now });
}

async function celebrant(): Promise<{ member: Member; auth: string }> {
  const { month, day } = { month: Number(today.slice(5, 7)), day: Number(today.slice(8, 10)) };
  const member = await buildMember({ birthday: { month, day, year: 1990 }, createdAt: new Date('2025-01-01T00:00:00.000Z') });
  await ConsentModel.create({ memberId: member._id, purpose: 'birthday', action: 'grant', version: consentTexts.birthday.version, at: new Date('2025-01-01T00:00:00.000Z'), ip: null });
  return { member, auth: await sessionFor(member, { now: clock.now }) };
}

const ids = { joined: '', joinedAfterCrash: '', buyer: '', celebrant: '', celebrantAuth: '' };

describe('the commands record their events once, whatever the retries', () => {
  it('a first login records member.joined; logging in again records nothing more', async () => {
    const first = await login('o-producer-first');
    expect([first.status, first.body.member.isNew]).toEqual([200, true]);
    ids.joined = first.body.member.id;
    expect((await login('o-producer-first')).body.member).toEqual({ id: ids.joined, isNew: false });
    const joined = await eventsOf(ids.joined, 'member.joined');
    expect(joined.map((event) => ({ key: event.key, at: event.at, props: event.props }))).toEqual([{ key: `member.joined:${ids.joined}`, at: clock.now, props: {} }]);
  });

  it('a first login that died after creating the member: the next login records member.joined', async () => {
    // The member document exists (the first login wrote it) but no event does.
    const created = await buildMember({ createdAt: clock.now });
    ids.joinedAfterCrash = created._id.toHexString();
    expect(await eventsOf(created._id, 'member.joined')).toHaveLength(0);
    expect((await login(created.openid)).body.member).toEqual({ id: ids.joinedAfterCrash, isNew: false });
    expect((await eventsOf(created._id, 'member.joined')).map((event) => event.at)).toEqual([created.createdAt]);
  });

  it('a paid order records order.paid with its cash, the points spent and the points earned, once each', async () => {
    const { member, entry: lot } = await buildPointsLot({ points: 500, earnedAt: clock.now });
    ids.buyer = member._id.toHexString();
    const auth = await sessionFor(member, { now: clock.now });
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 2000, stock: 10 });
    const placed = await app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: 'producer-order-1' });
    expect(placed.status).toBe(200);
    const orderId: string = placed.body.order.id;
    const order = await MallOrderModel.findById(orderId).lean();
    await sandbox().pay.settled(sandbox().pay.pay(order?.orderNo ?? '').notificationId);

    const confirmations = await Promise.all(Array.from({ length: 3 }, () => app.http.post('/api/orders.confirmPayment').set('Authorization', auth).send({ orderId })));
    expect(confirmations.map((response) => response.body.order?.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect((await app.http.post('/api/orders.confirmPayment').set('Authorization', auth).send({ orderId })).body.order.status).toBe('fulfilled');

    const paid = await eventsOf(member._id, 'order.paid');
    expect(paid.map((event) => ({ key: event.key, subject: event.subject, props: event.props }))).toEqual([{ key: `order.paid:${orderId}`, subject: { type: 'order', id: orderId }, props: { cashFen: 2000 } }]);
    expect((await eventsOf(member._id, 'points.spent')).map((event) => event.props)).toEqual([{ points: 100, reasonCode: 'mall_redeem' }]);
    const earned = await eventsOf(member._id, 'points.earned');
    expect(earned.map((event) => event.props.points).sort()).toEqual([20, 500]);
    expect(earned.map((event) => event.key)).toContain(`points.earned:${lot._id.toHexString()}`);
  });

  it('a birthday benefit claimed by many taps at once records benefit.claimed once', async () => {
    const { member, auth } = await celebrant();
    ids.celebrant = member._id.toHexString();
    ids.celebrantAuth = auth;
    const taps = await Promise.all(Array.from({ length: 5 }, () => app.http.post('/api/birthday.claim').set('Authorization', auth).send({ packageCode: 'birthday-month-coupon' })));
    expect(taps.filter((response) => response.status === 200)).toHaveLength(1);
    const claimed = await eventsOf(member._id, 'benefit.claimed');
    expect(claimed.map((event) => ({ key: event.key, props: event.props }))).toEqual([
      { key: `benefit.claimed:${ids.celebrant}:birthday-month-coupon:${today.slice(0, 4)}`, props: { packageCode: 'birthday-month-coupon', celebrationYear: Number(today.slice(0, 4)), coupons: 1 } },
    ]);
    // The claim's start, once too: the completion KPI's denominator.
    expect((await eventsOf(member._id, 'benefit.claimStarted')).map((event) => ({ key: event.key, props: event.props }))).toEqual([
      { key: `benefit.claimStarted:${ids.celebrant}:birthday-month-coupon:${today.slice(0, 4)}`, props: { packageCode: 'birthday-month-coupon', celebrationYear: Number(today.slice(0, 4)) } },
    ]);
  });

  it('a claim interrupted before its event: the tap that takes it over records benefit.claimed once', async () => {
    const { member, auth } = await celebrant();
    const year = Number(today.slice(0, 4));
    // The first tap opened the claim and died (its coupons may or may not have been issued).
    await BirthdayClaimModel.create({ memberId: member._id, packageCode: 'birthday-month-coupon', celebrationYear: year, state: 'issuing', couponIds: [], claimedAt: new Date(clock.now.getTime() - 3 * 60_000), completedAt: null });
    const retaken = await app.http.post('/api/birthday.claim').set('Authorization', auth).send({ packageCode: 'birthday-month-coupon' });
    expect(retaken.status).toBe(200);
    expect((await app.http.post('/api/birthday.claim').set('Authorization', auth).send({ packageCode: 'birthday-month-coupon' })).status).toBe(409);
    expect((await eventsOf(member._id, 'benefit.claimed')).map((event) => event.key)).toEqual([`benefit.claimed:${member._id.toHexString()}:birthday-month-coupon:${year}`]);
    expect((await eventsOf(member._id, 'benefit.claimStarted')).map((event) => event.key)).toEqual([`benefit.claimStarted:${member._id.toHexString()}:birthday-month-coupon:${year}`]);
  });

  it('a coupon written off (and the write-off retried) records coupon.used once, with its source', async () => {
    const coupon = await CouponModel.findOne({ memberId: new Types.ObjectId(ids.celebrant), source: 'birthday' }).lean();
    if (!coupon) throw new Error('the birthday claim issued no coupon');
    const qr = await app.http.post('/api/coupons.qr').set('Authorization', ids.celebrantAuth).send({ couponId: coupon._id.toHexString() });
    expect(qr.status).toBe(200);
    const staff = await staffAuth();
    const attempts = await Promise.all(Array.from({ length: 3 }, () => app.http.post('/api/writeoff.redeem').set('Authorization', staff).send({ token: qr.body.token })));
    expect(attempts.map((response) => response.status).sort()).toEqual([200, 409, 409]);
    const used = await eventsOf(ids.celebrant, 'coupon.used');
    expect(used.map((event) => ({ key: event.key, props: event.props }))).toEqual([{ key: `coupon.used:${coupon._id.toHexString()}`, props: { source: 'birthday', templateCode: coupon.templateCode } }]);
  });

  it('a write-off that died after using the coupon: the retry is refused as used and records coupon.used', async () => {
    const template = await buildCouponTemplate();
    const member = await buildMember({ createdAt: clock.now });
    const coupon = await issueCoupon({ memberId: member._id.toHexString(), templateCode: template.code, source: 'gift', sourceKey: `crash-${member._id.toHexString()}` }, clock.now);
    const qr = await app.http.post('/api/coupons.qr').set('Authorization', await sessionFor(member, { now: clock.now })).send({ couponId: coupon._id.toHexString() });
    // The gate of the first attempt (available → used), then the process died.
    await CouponModel.updateOne({ _id: coupon._id }, { $set: { status: 'used', usedAt: clock.now } });
    const retry = await app.http.post('/api/writeoff.redeem').set('Authorization', await staffAuth()).send({ token: qr.body.token });
    expect([retry.status, retry.body.error?.code]).toEqual([409, 'WRITEOFF_ALREADY_USED']);
    expect((await eventsOf(member._id, 'coupon.used')).map((event) => ({ at: event.at, props: event.props }))).toEqual([{ at: clock.now, props: { source: 'gift', templateCode: template.code } }]);
  });

  it("a campaign's coupon used records its campaign and face amount (the campaign's cost); one without a face amount only its campaign", async () => {
    const campaignId = new Types.ObjectId().toHexString();
    const member = await buildMember({ createdAt: clock.now });
    const staff = await staffAuth();
    const amountOff = await buildCouponTemplate({ type: 'amount_off', amountOffFen: 1500 });
    const freeItem = await buildCouponTemplate({ type: 'free_item', amountOffFen: null, freeItemName: '小蛋糕' });
    for (const template of [amountOff, freeItem]) {
      const coupon = await issueCoupon({ memberId: member._id.toHexString(), templateCode: template.code, source: 'campaign', sourceKey: `${campaignId}:${member._id.toHexString()}:once` }, clock.now);
      const qr = await app.http.post('/api/coupons.qr').set('Authorization', await sessionFor(member, { now: clock.now })).send({ couponId: coupon._id.toHexString() });
      expect((await app.http.post('/api/writeoff.redeem').set('Authorization', staff).send({ token: qr.body.token })).status).toBe(200);
    }
    const used = await eventsOf(member._id, 'coupon.used');
    expect(used.map((event) => event.props).sort((a, b) => String(a.templateCode).localeCompare(String(b.templateCode)))).toEqual(
      [
        { source: 'campaign', templateCode: amountOff.code, campaignId, faceFen: 1500 },
        { source: 'campaign', templateCode: freeItem.code, campaignId },
      ].sort((a, b) => a.templateCode.localeCompare(b.templateCode)),
    );
  });

  it('the analytics consumer counts them on the day: members, orders, GMV, points, claims', async () => {
    await consumeEvents(analyticsConsumer, { now: new Date(clock.now.getTime() + EVENT_SETTLE_MS + 1) });
    const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const daily = await app.http.post('/api/ops.analytics.daily').set('Cookie', analyst).send({ from: today, to: today });
    expect(daily.status).toBe(200);
    expect(daily.body.days).toEqual([
      // Active: the two who joined, the buyer, the two celebrants, the owner of the coupon written off after the crash
      // and the member who used a campaign's two coupons.
      expect.objectContaining({ day: today, newMembers: 2, activeMembers: 7, orders: 1, gmvFen: 2000, refundedFen: 0, pointsIssued: 520, pointsRedeemed: 100, benefitClaims: 2 }),
    ]);
  });
});
