import { useTestDatabase } from '../test/database';
import { buildMember, buildPointsLot } from '../test/factories';
import { auditPointsAccount } from './auditPointsAccount';
import { earnPoints } from './earnPoints';
import { expirePoints } from './expirePoints';
import { PointsAccountModel } from './PointsAccount.model';
import { PointsEntryModel } from './PointsEntry.model';
import { repairPointsLedger } from './repairPointsLedger';
import { reversePoints } from './reversePoints';
import { spendPoints } from './spendPoints';
import { DEFAULT_SETTINGS_SNAPSHOT } from '../settings/settingsSource';

useTestDatabase();

const NOW = new Date('2026-05-10T04:00:00.000Z');
const spend = (memberId: string, points: number, key: string, now = NOW) =>
  spendPoints({ memberId, points, idempotencyKey: key, reasonCode: 'mall_redeem', reason: '积分兑换', reference: { type: 'mall_order', id: key } }, { now });

async function expectConsistent(memberId: string): Promise<void> {
  const audit = await auditPointsAccount(memberId);
  expect(audit).toMatchObject({ consistent: true, pendingCount: 0, negativeLots: 0 });
}

describe('earnPoints', () => {
  it('adds a lot expiring at the end of the next calendar year in Asia/Shanghai', async () => {
    // 2026-12-31 23:30 in Shanghai is still 2026: the lot lasts until 2028 begins there.
    const { member, entry } = await buildPointsLot({ points: 120, earnedAt: new Date('2026-12-31T15:30:00.000Z') });
    expect(entry).toMatchObject({ state: 'applied', delta: 120 });
    expect(entry.expiresAt?.toISOString()).toBe('2027-12-31T16:00:00.000Z');
    const account = await PointsAccountModel.findById(member._id).lean();
    expect(account?.lots).toEqual([expect.objectContaining({ amount: 120, remaining: 120 })]);
    await expectConsistent(member._id.toHexString());
  });

  it('posts once per idempotency key and refuses the key for a different request', async () => {
    const member = await buildMember();
    const input = { memberId: member._id.toHexString(), points: 50, idempotencyKey: 'order-paid:A1', reasonCode: 'order_paid', reason: '订单支付获得积分', reference: { type: 'order', id: 'A1' } };
    const first = await earnPoints(input, { now: NOW, settings: DEFAULT_SETTINGS_SNAPSHOT });
    const again = await earnPoints(input, { now: NOW, settings: DEFAULT_SETTINGS_SNAPSHOT });
    expect(again._id.equals(first._id)).toBe(true);
    expect((await auditPointsAccount(input.memberId)).balance).toBe(50);
    await expect(earnPoints({ ...input, points: 60 }, { now: NOW, settings: DEFAULT_SETTINGS_SNAPSHOT })).rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});

describe('spendPoints', () => {
  it('burns the lots that expire first', async () => {
    const { member } = await buildPointsLot({ points: 100, earnedAt: new Date('2026-03-01T00:00:00.000Z') });
    await buildPointsLot({ member, points: 100, earnedAt: new Date('2025-03-01T00:00:00.000Z') });
    const entry = await spend(member._id.toHexString(), 150, 'spend-fefo');
    expect(entry.delta).toBe(-150);
    const account = await PointsAccountModel.findById(member._id).lean();
    expect(account?.lots.map((lot) => [lot.expiresAt.toISOString(), lot.remaining])).toEqual([['2027-12-31T16:00:00.000Z', 50]]);
    await expectConsistent(member._id.toHexString());
  });

  it('refuses a spend beyond the balance with 409 and records nothing against the balance', async () => {
    const { member } = await buildPointsLot({ points: 30, earnedAt: NOW });
    await expect(spend(member._id.toHexString(), 31, 'too-much')).rejects.toMatchObject({ status: 409, code: 'POINTS_INSUFFICIENT' });
    expect((await PointsEntryModel.findOne({ key: 'too-much' }).lean())?.state).toBe('rejected');
    await expectConsistent(member._id.toHexString());
  });

  it('cannot spend an expired lot even before the expiry job ran', async () => {
    const { member } = await buildPointsLot({ points: 40, earnedAt: new Date('2024-06-01T00:00:00.000Z') });
    await expect(spend(member._id.toHexString(), 10, 'expired-lot')).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
  });
});

describe('reversePoints', () => {
  it('claws back a refunded earn; points already spent make the balance negative and block spending', async () => {
    const member = await buildMember();
    const memberId = member._id.toHexString();
    await buildPointsLot({ member, points: 100, earnedAt: NOW, key: 'order-paid:R1' });
    await spend(memberId, 80, 'spend-before-refund');
    const reversal = await reversePoints(
      { memberId, reversesKey: 'order-paid:R1', idempotencyKey: 'order-refund:R1', reasonCode: 'order_refunded', reason: '订单退款扣回积分', reference: { type: 'refund', id: 'R1' } },
      { now: NOW },
    );
    expect(reversal.delta).toBe(-100);
    expect((await auditPointsAccount(memberId)).balance).toBe(-80);
    await expect(spend(memberId, 1, 'spend-in-debt')).rejects.toMatchObject({ code: 'POINTS_BALANCE_NEGATIVE' });
    await expectConsistent(memberId);

    // New points repay the debt before they form a lot.
    await buildPointsLot({ member, points: 100, earnedAt: NOW });
    expect(await auditPointsAccount(memberId)).toMatchObject({ balance: 20, lotsSum: 20, consistent: true });
    await expect(
      reversePoints({ memberId, reversesKey: 'order-paid:R1', points: 1, idempotencyKey: 'order-refund:R1-again', reasonCode: 'order_refunded', reason: '订单退款扣回积分', reference: null }, { now: NOW }),
    ).rejects.toMatchObject({ code: 'POINTS_REVERSAL_EXCEEDS' });
  });

  it('gives a refunded spend back with the expiry it had', async () => {
    const { member } = await buildPointsLot({ points: 100, earnedAt: NOW });
    const memberId = member._id.toHexString();
    await spend(memberId, 60, 'mall-order:M1');
    const restored = await reversePoints(
      { memberId, reversesKey: 'mall-order:M1', points: 25, idempotencyKey: 'mall-refund:M1', reasonCode: 'mall_refund', reason: '兑换退款退回积分', reference: { type: 'mall_order', id: 'M1' } },
      { now: NOW },
    );
    expect(restored.delta).toBe(25);
    const account = await PointsAccountModel.findById(member._id).lean();
    expect(account?.lots.every((lot) => lot.expiresAt.toISOString() === '2027-12-31T16:00:00.000Z')).toBe(true);
    expect(await auditPointsAccount(memberId)).toMatchObject({ balance: 65, consistent: true });
  });

  it('refuses to reverse another member’s entry', async () => {
    const { entry } = await buildPointsLot({ points: 10, earnedAt: NOW });
    const stranger = await buildMember();
    await expect(
      reversePoints({ memberId: stranger._id.toHexString(), reversesKey: entry.key, idempotencyKey: 'steal', reasonCode: 'x', reason: 'x', reference: null }, { now: NOW }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('expirePoints', () => {
  it('moves expired lots out with one ledger entry each, once', async () => {
    const { member } = await buildPointsLot({ points: 70, earnedAt: new Date('2025-02-01T00:00:00.000Z') });
    await buildPointsLot({ member, points: 30, earnedAt: NOW });
    const memberId = member._id.toHexString();
    await spend(memberId, 20, 'spend-old-first');
    const atExpiry = new Date('2026-12-31T16:00:00.000Z'); // 2027-01-01 00:00 in Shanghai
    expect(await expirePoints({ now: new Date(atExpiry.getTime() - 1), memberId })).toEqual({ lotsExpired: 0, pointsExpired: 0 });
    expect(await expirePoints({ now: atExpiry, memberId })).toEqual({ lotsExpired: 1, pointsExpired: 50 });
    expect(await expirePoints({ now: atExpiry, memberId })).toEqual({ lotsExpired: 0, pointsExpired: 0 });
    expect(await auditPointsAccount(memberId)).toMatchObject({ balance: 30, consistent: true });
    const expired = await PointsEntryModel.find({ memberId: member._id, kind: 'expire' }).lean();
    expect(expired.map((entry) => [entry.delta, entry.reason])).toEqual([[-50, '积分过期']]);
  });
});

describe('crash repair', () => {
  const crash = (): never => {
    throw new Error('process died');
  };

  it.each([
    ['between the account write and the entry update', 'crash-a', { afterAccountWrite: crash }],
    ['between the entry update and the pending pull', 'crash-b', { afterEntryApplied: crash }],
  ])('re-running the same spend after a crash %s finishes it once', async (_label, key, faults) => {
    const { member } = await buildPointsLot({ points: 100, earnedAt: NOW });
    const memberId = member._id.toHexString();
    const input = { memberId, points: 30, idempotencyKey: key, reasonCode: 'mall_redeem', reason: '积分兑换', reference: null };
    await expect(spendPoints({ ...input }, { now: NOW, faults })).rejects.toThrow('process died');
    expect((await auditPointsAccount(memberId)).pendingCount).toBe(1);

    const rerun = await spendPoints({ ...input }, { now: NOW });
    expect(rerun).toMatchObject({ state: 'applied', delta: -30 });
    expect(await auditPointsAccount(memberId)).toMatchObject({ balance: 70, ledgerSum: 70, consistent: true, pendingCount: 0 });
  });

  it('the sweep finishes a crashed spend and applies a never-applied one', async () => {
    const { member } = await buildPointsLot({ points: 100, earnedAt: NOW });
    const memberId = member._id.toHexString();
    await expect(
      spendPoints({ memberId, points: 30, idempotencyKey: 'swept-1', reasonCode: 'r', reason: '积分兑换', reference: null }, { now: NOW, faults: { afterAccountWrite: crash } }),
    ).rejects.toThrow('process died');
    // A spend whose process died right after writing the entry: pending, never applied.
    await PointsEntryModel.create({ memberId: member._id, key: 'swept-2', kind: 'spend', state: 'pending', requested: 5, delta: null, reasonCode: 'r', reason: '积分兑换', reference: null, expiresAt: null, targetId: null, allocations: [], rejection: null, createdAt: NOW, appliedAt: null });
    expect((await auditPointsAccount(memberId)).consistent).toBe(true);

    const later = new Date(NOW.getTime() + 5 * 60_000);
    expect(await repairPointsLedger({ now: later })).toEqual({ entriesSettled: 2 });
    expect(await auditPointsAccount(memberId)).toMatchObject({ balance: 65, ledgerSum: 65, pendingCount: 0, consistent: true });
    expect(await repairPointsLedger({ now: later })).toEqual({ entriesSettled: 0 });
  });
});
