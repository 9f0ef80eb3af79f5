import { Writable } from 'node:stream';
import { Types } from 'mongoose';
import { createLogger } from '../logger';
import { MallOrderModel } from '../orders/MallOrder.model';
import { orderContextFrom } from '../orders/orderContextFrom';
import { MemberQueue } from '../points/memberQueue';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';
import { ReferralModel, type Referral } from './Referral.model';
import { settleReferralForOrder } from './settleReferralForOrder';
import { settleReferralRewards } from './settleReferralRewards';
import { ensureTestCouponTemplates } from './testSupport';

useTestDatabase();
const sandbox = usePaySandbox();
const DAY = 24 * 60 * 60 * 1000;
const clock = { now: new Date() };
let app: TestApp;
let keySeq = 0;

beforeAll(async () => {
  app = buildTestApp({ config: testConfig(sandbox().config), now: () => clock.now });
  sandbox().serve(app.server);
  await ensureTestCouponTemplates();
});

beforeEach(async () => {
  // WeChat Pay's sandbox closes orders whose time_expire has passed on its own clock.
  clock.now = new Date();
  await ReferralModel.deleteMany({});
});

const settle = async () => settleReferralRewards({ now: clock.now, settings: await app.deps.settings.at(clock.now), settingsSource: app.deps.settings });
const workingSet = () => ReferralModel.countDocuments({ nextCheckAt: { $ne: null } });

function referral(fields: Partial<Referral> & Pick<Referral, 'referrerId' | 'boundAt'>): Referral {
  return {
    _id: new Types.ObjectId(),
    shareId: 'i000000000000',
    state: 'joined',
    orderId: null,
    rewardClaimedAt: null,
    points: 0,
    rewardedAt: null,
    pointsKey: null,
    welcomeIssuedAt: fields.boundAt,
    nextCheckAt: fields.boundAt,
    ...fields,
  };
}

/** A member's own order for ¥30, paid through the WeChat Pay sandbox and fulfilled. */
async function fulfilledOrderOf(memberId: Types.ObjectId) {
  const member = await buildMember({ _id: memberId });
  const item = await buildMallItem({ pointsPrice: 0, cashFen: 3000, limitPerMember: 5 });
  const redeemed = await app.http
    .post('/api/mall.redeem')
    .set('Authorization', await sessionFor(member, { now: clock.now }))
    .send({ itemId: item._id.toHexString(), idempotencyKey: `settle-order-${(keySeq += 1)}` });
  expect(redeemed.status).toBe(200);
  sandbox().pay.pay(redeemed.body.order.orderNo);
  await sandbox().pay.settled(sandbox().pay.lastNotificationId() as string);
  const order = await MallOrderModel.findById(redeemed.body.order.id).lean();
  expect(order?.status).toBe('fulfilled');
  return order!;
}

describe('the referral safety net (referral.settleRewards)', () => {
  it('more than a batch of invitees who never bought leave the working set; a newer invitee who bought is rewarded', async () => {
    const referrer = await buildMember();
    const never = Array.from({ length: 250 }, (_unused, index) =>
      referral({ referrerId: referrer._id, boundAt: new Date(clock.now.getTime() - 40 * DAY - index * 60_000) }),
    );
    await ReferralModel.insertMany(never);
    // The newest invitee bought, but the instant reward was lost (as if the process died right after fulfilment).
    const buyerId = new Types.ObjectId();
    await fulfilledOrderOf(buyerId);
    await ReferralModel.create(referral({ _id: buyerId, referrerId: referrer._id, boundAt: new Date(clock.now.getTime() - 60 * 60_000) }));

    expect(await settle()).toEqual({ rewarded: 1, clawedBack: 0, expired: 250, welcomeFailed: 0, failed: 0 });
    expect((await PointsAccountModel.findById(referrer._id).lean())?.balance).toBe(60); // ¥30 → 30 × 2
    expect(await ReferralModel.countDocuments({ state: 'expired', nextCheckAt: null })).toBe(250);
    // Only the rewarded referral stays, for a refund's clawback.
    expect(await workingSet()).toBe(1);
    expect(await settle()).toEqual({ rewarded: 0, clawedBack: 0, expired: 0, welcomeFailed: 0, failed: 0 });
  });

  it('an invitee who has not bought yet is looked at again later, and expires a day after the 30-day window', async () => {
    const referrer = await buildMember();
    const boundAt = clock.now;
    const { _id } = await ReferralModel.create(referral({ referrerId: referrer._id, boundAt }));
    const checked = async () => (await ReferralModel.findById(_id).lean())!;

    await settle();
    expect(await checked()).toMatchObject({ state: 'joined', nextCheckAt: new Date(boundAt.getTime() + 10 * 60_000) });

    clock.now = new Date(boundAt.getTime() + 30 * DAY);
    await settle();
    expect((await checked()).state).toBe('joined');
    expect((await checked()).nextCheckAt!.getTime()).toBeLessThanOrEqual(boundAt.getTime() + 31 * DAY);

    clock.now = new Date(boundAt.getTime() + 31 * DAY);
    expect(await settle()).toMatchObject({ expired: 1 });
    expect(await checked()).toMatchObject({ state: 'expired', nextCheckAt: null });
    expect(await workingSet()).toBe(0);
  });

  it('a referral stuck on another order past the window expires instead of coming back at once', async () => {
    const referrer = await buildMember();
    const buyerId = new Types.ObjectId();
    await fulfilledOrderOf(buyerId);
    // Claimed for an earlier order (since refunded) by a reward that crashed: the fulfilled order cannot take the claim.
    const boundAt = new Date(clock.now.getTime() - DAY);
    await ReferralModel.create(referral({ _id: buyerId, referrerId: referrer._id, boundAt, orderId: new Types.ObjectId().toHexString(), rewardClaimedAt: boundAt }));

    clock.now = new Date(clock.now.getTime() + 40 * DAY);
    expect(await settle()).toEqual({ rewarded: 0, clawedBack: 0, expired: 1, welcomeFailed: 0, failed: 0 });
    expect(await ReferralModel.findById(buyerId).lean()).toMatchObject({ state: 'expired', nextCheckAt: null });
  });

  it('a reward that fails at fulfilment is logged, and the next run of the job pays it', async () => {
    const referrer = await buildMember();
    const buyerId = new Types.ObjectId();
    const order = await fulfilledOrderOf(buyerId);
    // Looked at a moment ago: without a prompt recheck the job would not come back to it for a while.
    await ReferralModel.create(referral({ _id: buyerId, referrerId: referrer._id, boundAt: clock.now, nextCheckAt: new Date(clock.now.getTime() + DAY) }));

    class UnavailableLedger extends MemberQueue {
      override run<T>(): Promise<T> {
        return Promise.reject(new Error('ledger unavailable'));
      }
    }
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    await settleReferralForOrder(order, { ...(await orderContextFrom(app.deps)), queue: new UnavailableLedger(), logger: createLogger('info', sink) });
    const logged = lines.map((line) => JSON.parse(line) as { level: number; msg: string; orderId?: string; err?: { message: string } });
    expect(logged).toEqual([expect.objectContaining({ level: 50, msg: 'referral settlement failed', orderId: order._id.toHexString(), err: expect.objectContaining({ message: 'ledger unavailable' }) })]);
    expect((await ReferralModel.findById(buyerId).lean())?.state).toBe('joined');

    expect(await settle()).toMatchObject({ rewarded: 1, failed: 0 });
    expect((await PointsAccountModel.findById(referrer._id).lean())?.balance).toBe(60);
  });
});
