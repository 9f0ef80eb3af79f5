import type { Birthday, TierLevel } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { MemberModel, type Member } from '../members/Member.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { clockedPay } from '../test/clockedPay';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { saveTestSettings } from '../test/settings';
import { createWechatClients } from '../wechat/clients';
import { MallOrderModel } from './MallOrder.model';
import { pointsEarnKey } from './orderContext';

useTestDatabase();

const shanghai = (local: string): Date => new Date(`${local}+08:00`);
const clock = { now: shanghai('2026-03-01T12:00:00') };
const config = testConfig();
const pay = clockedPay(config, () => clock.now);
let app: TestApp;
let keySeq = 0;

beforeAll(() => {
  app = buildTestApp({ config, now: () => clock.now, wechat: { ...createWechatClients(config), pay } });
});

const tierOf = (level: TierLevel): Member['tier'] => ({ level, since: new Date('2025-01-01T00:00:00.000Z'), reviewedAt: null });

/** A member whose birthday was set long before any celebration these tests look at. */
const memberWith = (level: TierLevel, birthday: Birthday | null = null): Promise<Member> =>
  buildMember({ tier: tierOf(level), birthday: birthday ? { ...birthday, year: 2000 } : null, createdAt: new Date('2025-01-01T00:00:00.000Z') });

/** mall.redeem of a cash-only item at `placedAt`; returns the order's id. */
async function place(member: Member, cashFen: number, placedAt: Date): Promise<{ id: string; orderNo: string }> {
  clock.now = placedAt;
  const item = await buildMallItem({ pointsPrice: 0, cashFen, limitPerMember: 50 });
  const redeemed = await app.http
    .post('/api/mall.redeem')
    .set('Authorization', await sessionFor(member, { now: clock.now }))
    .send({ itemId: item._id.toHexString(), idempotencyKey: `earn-order-${(keySeq += 1)}` });
  expect([redeemed.status, redeemed.body.order?.status]).toEqual([200, 'awaiting_payment']);
  return { id: redeemed.body.order.id, orderNo: redeemed.body.order.orderNo };
}

/** The member pays at `paidAt` and the app confirms it (orders.confirmPayment): the order is fulfilled and earns. */
async function payAt(member: Member, order: { id: string; orderNo: string }, paidAt: Date): Promise<number> {
  clock.now = paidAt;
  pay.pay(order.orderNo);
  const confirmed = await app.http.post('/api/orders.confirmPayment').set('Authorization', await sessionFor(member, { now: clock.now })).send({ orderId: order.id });
  expect([confirmed.status, confirmed.body.order?.status]).toEqual([200, 'fulfilled']);
  return confirmed.body.order.pointsEarned;
}

const paidOrder = async (member: Member, cashFen: number, at: Date): Promise<{ points: number; id: string }> => {
  const order = await place(member, cashFen, at);
  return { points: await payAt(member, order, at), id: order.id };
};

const earnEntryOf = (orderId: string) => PointsEntryModel.findOne({ key: pointsEarnKey(orderId) }).lean();

const may20: Birthday = { month: 5, day: 20 };
const leapDay: Birthday = { month: 2, day: 29 };

describe('each tier earns exactly what its settings say, in and out of the birthday month', () => {
  // ¥123.45 paid: 123 whole yuan. Default settings: 普卡 1, 金卡 1.5 (no birthday rate of their own), 钻石卡 2 and 4.
  it.each<[string, TierLevel, Birthday, string, number]>([
    ['普卡 outside the birthday month', 'basic', may20, '2026-06-10T12:00:00', 123],
    ['普卡 in the birthday month', 'basic', may20, '2026-05-10T12:00:00', 123],
    ['金卡 outside the birthday month', 'gold', may20, '2026-06-10T12:00:00', 184],
    ['金卡 in the birthday month', 'gold', may20, '2026-05-10T12:00:00', 184],
    ['钻石卡 outside the birthday month', 'diamond', may20, '2026-06-10T12:00:00', 246],
    ['钻石卡 in the birthday month: its birthday rate, 4 per yuan, never ×4 on top of ×2', 'diamond', may20, '2026-05-31T23:59:00', 492],
    ['钻石卡, the leap-day member in February of a common year', 'diamond', leapDay, '2027-02-10T12:00:00', 492],
    ['钻石卡, the leap-day member in March of a common year', 'diamond', leapDay, '2027-03-01T00:00:00', 246],
    ['普卡, the leap-day member in February of a common year', 'basic', leapDay, '2027-02-10T12:00:00', 123],
  ])('default settings: %s', async (_name, level, birthday, paidAt, expected) => {
    const member = await memberWith(level, birthday);
    const order = await paidOrder(member, 12_345, shanghai(paidAt));
    expect(order.points).toBe(expected);
    expect(await earnEntryOf(order.id)).toMatchObject({ requested: expected, state: 'applied', settingsVersion: 0 });
  });

  it('a birthday set fewer than minDaysSetBeforeBenefits days before it earns the usual rate in that birthday month', async () => {
    const lateSetter = await buildMember({
      tier: tierOf('diamond'),
      birthday: { month: 5, day: 20, year: 2000 },
      birthdayHistory: { firstSetAt: shanghai('2026-05-01T09:00:00'), changedAt: shanghai('2026-05-01T09:00:00'), corrections: 0, lastBenefitClaimedAt: null },
    });
    expect((await paidOrder(lateSetter, 12_345, shanghai('2026-05-25T12:00:00'))).points).toBe(246);
    // From the next birthday on, the birthday-month rate.
    expect((await paidOrder(lateSetter, 12_345, shanghai('2027-05-25T12:00:00'))).points).toBe(492);
  });

  it('a saved version with other rates: every tier, in and out of the birthday month, earns by it', async () => {
    clock.now = shanghai('2027-04-01T00:00:00');
    const saved = await saveTestSettings(app.deps, {
      points: {
        earn: {
          basic: { pointsPerYuanPermille: 1200, birthdayMonthPointsPerYuanPermille: 2500 },
          gold: { pointsPerYuanPermille: 1750, birthdayMonthPointsPerYuanPermille: 1750 },
          diamond: { pointsPerYuanPermille: 3000, birthdayMonthPointsPerYuanPermille: 9000 },
        },
      },
    });
    const earned: Record<string, number> = {};
    for (const level of ['basic', 'gold', 'diamond'] as const) {
      for (const [when, paidAt] of [['out', '2027-06-10T12:00:00'], ['in', '2027-05-10T12:00:00']] as const) {
        const order = await paidOrder(await memberWith(level, may20), 10_099, shanghai(paidAt));
        earned[`${level}:${when}`] = order.points;
        expect((await earnEntryOf(order.id))?.settingsVersion).toBe(saved.version);
      }
    }
    // ¥100.99: 100 whole yuan.
    expect(earned).toEqual({ 'basic:out': 120, 'basic:in': 250, 'gold:out': 175, 'gold:in': 175, 'diamond:out': 300, 'diamond:in': 900 });
  });
});

describe('an order earns by the settings version it was placed under', () => {
  it('placed under version N, paid and fulfilled after N+1 is in force: earns (and expires) by N; a new order earns by N+1', async () => {
    clock.now = shanghai('2027-08-01T00:00:00');
    const before = await saveTestSettings(app.deps, { points: { earn: { basic: { pointsPerYuanPermille: 1000, birthdayMonthPointsPerYuanPermille: 1000 } }, lifetimeYears: 1 } });
    const member = await memberWith('basic');
    const placed = await place(member, 12_345, shanghai('2027-08-02T10:00:00'));
    expect((await MallOrderModel.findById(placed.id).lean())?.settingsVersion).toBe(before.version);

    const after = await saveTestSettings(
      app.deps,
      { points: { earn: { basic: { pointsPerYuanPermille: 3000, birthdayMonthPointsPerYuanPermille: 3000 } }, lifetimeYears: 3 } },
      { from: shanghai('2027-08-02T10:05:00') },
    );
    expect(after.version).toBe(before.version + 1);
    expect((await app.deps.settings.at(shanghai('2027-08-02T10:10:00'))).version).toBe(after.version);

    expect(await payAt(member, placed, shanghai('2027-08-02T10:10:00'))).toBe(123);
    expect(await earnEntryOf(placed.id)).toMatchObject({ requested: 123, settingsVersion: before.version, expiresAt: shanghai('2029-01-01T00:00:00') });

    const later = await paidOrder(member, 12_345, shanghai('2027-08-02T10:20:00'));
    expect(later.points).toBe(369);
    expect(await earnEntryOf(later.id)).toMatchObject({ settingsVersion: after.version, expiresAt: shanghai('2031-01-01T00:00:00') });

    // Ops see which rules each order and ledger line went by.
    const ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
    const shown = await app.http.post('/api/ops.orders.get').set('Cookie', ops).send({ orderId: placed.id });
    expect(shown.body.settingsVersion).toBe(before.version);
    const ledger = await app.http.post('/api/ops.points.ledger').set('Cookie', ops).send({ memberId: member._id.toHexString() });
    expect(ledger.body.items.map((entry: { delta: number; settingsVersion: number | null }) => [entry.delta, entry.settingsVersion])).toEqual([
      [369, after.version],
      [123, before.version],
    ]);
  });
});

describe('tier thresholds come from the settings in force', () => {
  const levelOf = async (id: Types.ObjectId) => (await MemberModel.findById(id).lean())?.tier.level;

  it('a saved version moves the next upgrade boundary, to the fen', async () => {
    clock.now = shanghai('2027-09-01T00:00:00');
    await saveTestSettings(app.deps, { tiers: { goldFen: 60_001, diamondFen: 300_000 } });
    const member = await memberWith('basic');
    // ¥600.00 would have made 金卡 under the default ¥500 threshold.
    await paidOrder(member, 60_000, shanghai('2027-09-02T12:00:00'));
    expect(await levelOf(member._id)).toBe('basic');
    const me = await app.http.post('/api/members.me').set('Authorization', await sessionFor(member, { now: clock.now })).send({});
    expect(me.body.tier).toMatchObject({ level: 'basic', rollingSpendFen: 60_000, next: { level: 'gold', thresholdFen: 60_001, remainingFen: 1 } });

    await paidOrder(member, 1, shanghai('2027-09-02T12:30:00'));
    expect(await levelOf(member._id)).toBe('gold');
    const upgraded = await app.http.post('/api/members.me').set('Authorization', await sessionFor(member, { now: clock.now })).send({});
    expect(upgraded.body.tier).toMatchObject({ level: 'gold', next: { level: 'diamond', thresholdFen: 300_000, remainingFen: 300_000 - 60_001 } });
  });
});
