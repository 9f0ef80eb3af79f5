import { DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import { Types } from 'mongoose';
import { CouponModel } from '../coupons/Coupon.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { DeletedAccountModel } from '../members/DeletedAccount.model';
import { keyedHash } from '../members/personalDataCrypto';
import { MallOrderModel } from '../orders/MallOrder.model';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';
import { ReferralModel } from './Referral.model';
import { rewardReferral } from './rewardReferral';
import { settleReferralRewards } from './settleReferralRewards';
import { ensureTestCouponTemplates } from './testSupport';
import { saveTestSettings, settingsSnapshotWith } from '../test/settings';

useTestDatabase();
const sandbox = usePaySandbox();
const clock = { now: new Date('2026-05-10T04:00:00.000Z') };
let app: TestApp;

beforeAll(async () => {
  app = buildTestApp({ config: testConfig({ ...sandbox().config, LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000' }), now: () => clock.now });
  sandbox().serve(app.server);
  await ensureTestCouponTemplates();
  // In force from well before the clocks these tests use (the fixed one, and WeChat Pay's real one).
  await saveTestSettings(app.deps, { referral: { dailyRewardCap: 2 } }, { from: new Date('2026-01-01T00:00:00.000Z') });
});

beforeEach(() => {
  clock.now = new Date('2026-05-10T04:00:00.000Z');
});

async function sharer(): Promise<{ id: string; auth: string; shareId: string; code: string }> {
  const member = await buildMember({ nickname: '分享人' });
  const auth = await sessionFor(member, { now: clock.now });
  const mine = await app.http.post('/api/referral.mine').set('Authorization', auth).send({});
  expect(mine.status).toBe(200);
  return { id: member._id.toHexString(), auth, shareId: mine.body.invite.shareId, code: mine.body.code };
}

async function loginThrough(openid: string, share: { shareId?: string; referralCode?: string }): Promise<{ id: string; token: string; isNew: boolean }> {
  const { code } = await sandbox().sandbox.control.loginCode({ openid });
  const response = await app.http.post('/api/auth.login').send({ code, ...share });
  expect(response.status).toBe(200);
  return { id: response.body.member.id, token: `Bearer ${response.body.token}`, isNew: response.body.member.isNew };
}

const referralOf = (memberId: string) => ReferralModel.findById(new Types.ObjectId(memberId)).lean();
const welcomeCoupons = (memberId: string) => CouponModel.countDocuments({ memberId: new Types.ObjectId(memberId), templateCode: DEFAULT_PROGRAM_SETTINGS.referral.welcomeTemplateCode });
/** What the settle job reads: the instant and the settings in force at it. */
const settleContext = async () => ({ now: clock.now, settings: await app.deps.settings.at(clock.now), settingsSource: app.deps.settings });
/** rewardReferral called directly, with a daily cap of 2 in the settings it reads. */
const rewardContext = (extra: object = {}) => ({ now: clock.now, settings: settingsSnapshotWith({ referral: { dailyRewardCap: 2 } }), settingsSource: app.deps.settings, ...extra });

describe('referral.mine', () => {
  it('401, 400, 200 with a code, a ≤32-char invite scene and the rules', async () => {
    expect((await app.http.post('/api/referral.mine').send({})).status).toBe(401);
    const member = await buildMember();
    const auth = await sessionFor(member, { now: clock.now });
    expect((await app.http.post('/api/referral.mine').set('Authorization', auth).send({ code: 'x' })).status).toBe(400);
    const mine = await app.http.post('/api/referral.mine').set('Authorization', auth).send({});
    expect(mine.body.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(mine.body.invite.scene).toBe(`${mine.body.invite.shareId}.${mine.body.code}`);
    expect(mine.body.invite.scene.length).toBeLessThanOrEqual(32);
    expect(mine.body.stats).toEqual({ invited: 0, rewarded: 0, pointsEarned: 0 });
    expect((await app.http.post('/api/referral.mine').set('Authorization', auth).send({})).body.code).toBe(mine.body.code);
  });
});

describe('binding at login', () => {
  it('a new member arriving through a share is bound and gets the first-order coupon; first touch wins', async () => {
    const a = await sharer();
    const other = await sharer();
    const b = await loginThrough('o-ref-b', { shareId: a.shareId, referralCode: a.code });
    expect(b.isNew).toBe(true);
    // Bound under the settings in force (version 1, saved in beforeAll): its reward follows them.
    expect(await referralOf(b.id)).toMatchObject({ state: 'joined', shareId: a.shareId, settingsVersion: 1 });
    expect((await referralOf(b.id))?.referrerId.toHexString()).toBe(a.id);
    expect(await welcomeCoupons(b.id)).toBe(1);
    // Later visits through another share change nothing.
    await loginThrough('o-ref-b', { shareId: other.shareId, referralCode: other.code });
    expect((await referralOf(b.id))?.referrerId.toHexString()).toBe(a.id);
    const listed = await app.http.post('/api/referral.mine').set('Authorization', a.auth).send({});
    expect(listed.body.stats.invited).toBe(1);
    expect(listed.body.invitees[0]).toMatchObject({ state: 'joined', stateText: '已注册，等待首单完成' });
  });

  it('no binding for an existing member, a stale share, a mismatched code, or the deletion fraud list', async () => {
    const a = await sharer();
    const existing = await buildMember({ openid: 'o-ref-existing' });
    await loginThrough('o-ref-existing', { shareId: a.shareId, referralCode: a.code });
    expect(await referralOf(existing._id.toHexString())).toBeNull();

    const mismatched = await loginThrough('o-ref-mismatch', { shareId: a.shareId, referralCode: 'ZZZZZZZZ' });
    expect(await referralOf(mismatched.id)).toBeNull();

    await DeletedAccountModel.create({ _id: keyedHash('openid', 'o-ref-fraud', testConfig().DATA_HASH_KEY), deletedAt: new Date('2026-01-01') });
    const fraud = await loginThrough('o-ref-fraud', { shareId: a.shareId, referralCode: a.code });
    expect(fraud.isNew).toBe(true);
    expect(await referralOf(fraud.id)).toBeNull();
    expect(await welcomeCoupons(fraud.id)).toBe(0);

    clock.now = new Date('2026-06-09T04:00:01.000Z'); // 30 days and a second after the share
    const late = await loginThrough('o-ref-late', { shareId: a.shareId, referralCode: a.code });
    expect(await referralOf(late.id)).toBeNull();
  });
});

describe('rewards', () => {
  it('double points on the first fulfilled paid order only, as it is fulfilled; clawed back as it is refunded', async () => {
    clock.now = new Date(); // WeChat Pay's sandbox closes orders whose time_expire has passed on its own clock
    const a = await sharer();
    const b = await loginThrough('o-ref-buyer', { shareId: a.shareId, referralCode: a.code });
    const item = await buildMallItem({ pointsPrice: 0, cashFen: 5000, limitPerMember: 5 });
    const buy = async (key: string): Promise<{ id: string; orderNo: string }> => {
      const redeemed = await app.http.post('/api/mall.redeem').set('Authorization', b.token).send({ itemId: item._id.toHexString(), idempotencyKey: key });
      expect(redeemed.status).toBe(200);
      sandbox().pay.pay(redeemed.body.order.orderNo);
      await sandbox().pay.settled(sandbox().pay.lastNotificationId() as string);
      return { id: redeemed.body.order.id, orderNo: redeemed.body.order.orderNo };
    };
    const first = await buy('ref-order-1');
    expect((await MallOrderModel.findById(first.id).lean())?.status).toBe('fulfilled');
    expect((await PointsAccountModel.findById(a.id).lean())?.balance).toBe(100); // ¥50 → 50 base points × 2, at once
    const context = await settleContext();
    expect(await settleReferralRewards(context)).toMatchObject({ rewarded: 0, clawedBack: 0, welcomeFailed: 0, failed: 0 });
    await buy('ref-order-2');
    expect(await settleReferralRewards(context)).toMatchObject({ rewarded: 0, clawedBack: 0, welcomeFailed: 0, failed: 0 });
    expect((await PointsAccountModel.findById(a.id).lean())?.balance).toBe(100);
    expect((await app.http.post('/api/referral.mine').set('Authorization', a.auth).send({})).body.stats).toEqual({ invited: 1, rewarded: 1, pointsEarned: 100 });

    const refund = await app.http.post('/api/orders.refund').set('Authorization', b.token).send({ orderId: first.id });
    expect(refund.status).toBe(200);
    const settled = sandbox().pay.settleRefund(`R${first.orderNo}`, 'SUCCESS');
    if (settled.notificationId) await sandbox().pay.settled(settled.notificationId);
    expect((await MallOrderModel.findById(first.id).lean())?.status).toBe('refunded');
    expect((await PointsAccountModel.findById(a.id).lean())?.balance).toBe(0);
    expect(await settleReferralRewards(context)).toMatchObject({ rewarded: 0, clawedBack: 0, welcomeFailed: 0, failed: 0 });
    expect((await PointsAccountModel.findById(a.id).lean())?.balance).toBe(0);
    expect((await referralOf(b.id))?.state).toBe('clawed_back');
  });

  it('the daily cap: rewards beyond it that day are marked capped', async () => {
    const referrer = await buildMember();
    const context = rewardContext();
    const states: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const invitee = await buildMember();
      await ReferralModel.create({ _id: invitee._id, referrerId: referrer._id, shareId: 'i000000000000', boundAt: clock.now, state: 'joined', orderId: null, points: 0, rewardedAt: null, pointsKey: null, welcomeIssuedAt: clock.now, nextCheckAt: clock.now });
      const result = await rewardReferral({ memberId: invitee._id.toHexString(), orderId: `order-${index}`, paidFen: 1000, paidAt: clock.now, gift: false }, context);
      states.push(result?.state ?? 'none');
    }
    expect(states).toEqual(['rewarded', 'rewarded', 'capped']);
    expect((await PointsAccountModel.findById(referrer._id).lean())?.balance).toBe(40);
  });
});

describe('the daily cap across a crash', () => {
  it('a crash after the slot and before the points, then a retry: one slot used, points earned once', async () => {
    const referrer = await buildMember();
    const invitees = await Promise.all([buildMember(), buildMember()]);
    for (const invitee of invitees) {
      await ReferralModel.create({ _id: invitee._id, referrerId: referrer._id, shareId: 'i000000000002', boundAt: clock.now, state: 'joined', orderId: null, points: 0, rewardedAt: null, pointsKey: null, welcomeIssuedAt: clock.now, nextCheckAt: clock.now });
    }
    const event = (invitee: (typeof invitees)[number]) => ({ memberId: invitee._id.toHexString(), orderId: `order-${invitee._id.toHexString()}`, paidFen: 1000, paidAt: clock.now, gift: false });
    const crashing = rewardContext({ rewardFaults: { afterSlotTaken: () => { throw new Error('crash'); } } });
    await expect(rewardReferral(event(invitees[0]), crashing)).rejects.toThrow('crash');

    // The retry comes the next day (the settle job's next look): the slot stays the one of the first day.
    clock.now = new Date('2026-05-11T04:00:00.000Z');
    expect((await rewardReferral(event(invitees[0]), rewardContext()))?.state).toBe('rewarded');
    expect((await rewardReferral(event(invitees[0]), rewardContext()))).toBeNull();
    expect(await DailyCounterModel.find({ _id: { $regex: `^referral-reward:${referrer._id.toHexString()}:` } }).lean()).toEqual([
      { _id: `referral-reward:${referrer._id.toHexString()}:20260510`, count: 1, keys: [invitees[0]._id.toHexString()] },
    ]);
    expect((await PointsAccountModel.findById(referrer._id).lean())?.balance).toBe(20);

    // The second slot of 10 May is still free for another invitee rewarded on that day.
    clock.now = new Date('2026-05-10T05:00:00.000Z');
    expect((await rewardReferral(event(invitees[1]), rewardContext()))?.state).toBe('rewarded');
    expect((await PointsAccountModel.findById(referrer._id).lean())?.balance).toBe(40);
  });
});

describe('a gift is not the invitee’s own first purchase', () => {
  it('B, invited by A, gifts A a wish: no reward; B’s own purchase afterwards earns A double points', async () => {
    clock.now = new Date(); // WeChat Pay's sandbox closes orders whose time_expire has passed on its own clock
    const owner = await buildMember({ nickname: '阿梅', birthday: { month: 8, day: 8, year: 1995 } });
    const ownerAuth = await sessionFor(owner, { now: clock.now });
    const giftItem = await buildMallItem({ pointsPrice: 0, cashFen: 3900, title: '生日蜡烛礼盒', kind: 'service' });
    await app.http.post('/api/wishlist.add').set('Authorization', ownerAuth).send({ kind: 'item', itemId: giftItem._id.toHexString() });
    const shared = await app.http.post('/api/wishlist.share').set('Authorization', ownerAuth).send({ shared: true });
    const { shareId, referralCode } = shared.body.share;
    const b = await loginThrough('o-ref-gifter', { shareId, referralCode });
    expect((await referralOf(b.id))?.referrerId.toHexString()).toBe(owner._id.toHexString());
    const pay = async (orderNo: string): Promise<void> => {
      sandbox().pay.pay(orderNo);
      await sandbox().pay.settled(sandbox().pay.lastNotificationId() as string);
    };

    const wishId: string = (await app.http.post('/api/wishlist.view').set('Authorization', b.token).send({ shareId })).body.wishes[0].id;
    const gift = await app.http.post('/api/wishlist.gift').set('Authorization', b.token).send({ shareId, wishId, idempotencyKey: 'gift-to-referrer-1' });
    expect(gift.status).toBe(200);
    await pay(gift.body.order.orderNo);
    expect(await MallOrderModel.findById(gift.body.orderId).lean()).toMatchObject({ status: 'fulfilled', recipientMemberId: owner._id });
    await settleReferralRewards(await settleContext());
    expect((await PointsAccountModel.findById(owner._id).lean())?.balance ?? 0).toBe(0);
    expect((await referralOf(b.id))?.state).toBe('joined');

    const own = await buildMallItem({ pointsPrice: 0, cashFen: 2500, limitPerMember: 5 });
    const bought = await app.http.post('/api/mall.redeem').set('Authorization', b.token).send({ itemId: own._id.toHexString(), idempotencyKey: 'own-after-gift-1' });
    await pay(bought.body.order.orderNo);
    expect((await PointsAccountModel.findById(owner._id).lean())?.balance).toBe(50); // ¥25 → 25 × 2
    expect(await referralOf(b.id)).toMatchObject({ state: 'rewarded', orderId: bought.body.order.id, points: 50 });
  });
});

describe('reward recovery', () => {
  it('the settle job rewards a first order whose reward a crash left undone, once', async () => {
    clock.now = new Date();
    const a = await sharer();
    const c = await loginThrough('o-ref-crashed', {});
    const item = await buildMallItem({ pointsPrice: 0, cashFen: 3000, limitPerMember: 5 });
    const redeemed = await app.http.post('/api/mall.redeem').set('Authorization', c.token).send({ itemId: item._id.toHexString(), idempotencyKey: 'crashed-1' });
    expect(redeemed.status).toBe(200);
    sandbox().pay.pay(redeemed.body.order.orderNo);
    await sandbox().pay.settled(sandbox().pay.lastNotificationId() as string);
    expect((await MallOrderModel.findById(redeemed.body.order.id).lean())?.status).toBe('fulfilled');
    // As if the binding had been written but the process died before the reward: joined, with a fulfilled order.
    await ReferralModel.create({ _id: new Types.ObjectId(c.id), referrerId: new Types.ObjectId(a.id), shareId: a.shareId, boundAt: clock.now, state: 'joined', orderId: null, points: 0, rewardedAt: null, pointsKey: null, welcomeIssuedAt: clock.now, nextCheckAt: clock.now });

    const context = await settleContext();
    expect(await settleReferralRewards(context)).toEqual({ rewarded: 1, clawedBack: 0, expired: 0, welcomeFailed: 0, failed: 0 });
    expect(await settleReferralRewards(context)).toEqual({ rewarded: 0, clawedBack: 0, expired: 0, welcomeFailed: 0, failed: 0 });
    expect((await PointsAccountModel.findById(a.id).lean())?.balance).toBe(60); // ¥30 → 30 × 2
  });
});

describe('welcome coupon recovery', () => {
  it('the settle job issues a welcome coupon a crash left undone, once', async () => {
    const invitee = await buildMember();
    const referrer = await buildMember();
    await ReferralModel.create({ _id: invitee._id, referrerId: referrer._id, shareId: 'i000000000001', boundAt: clock.now, state: 'joined', orderId: null, points: 0, rewardedAt: null, pointsKey: null, welcomeIssuedAt: null, nextCheckAt: clock.now });
    const context = await settleContext();
    await settleReferralRewards(context);
    await settleReferralRewards(context);
    expect(await welcomeCoupons(invitee._id.toHexString())).toBe(1);
    expect((await referralOf(invitee._id.toHexString()))?.welcomeIssuedAt).not.toBeNull();
  });
});

describe('referral.poster', () => {
  it('401, then a PNG for the invite scene', async () => {
    expect((await app.http.post('/api/referral.poster').send({})).status).toBe(401);
    const a = await sharer();
    const poster = await app.http.post('/api/referral.poster').set('Authorization', a.auth).send({});
    expect(poster.status).toBe(200);
    expect(poster.body.scene).toBe(`${a.shareId}.${a.code}`);
    expect(Buffer.from(poster.body.imageBase64, 'base64').subarray(0, 4).toString('hex')).toBe('89504e47');
  });
});
