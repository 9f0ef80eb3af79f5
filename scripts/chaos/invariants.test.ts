import { useTestDatabase } from '../../bff/src/test/database';
import { buildMember, buildPointsLot } from '../../bff/src/test/factories';
import { buildMallItem } from '../../bff/src/test/mallFactories';
import { buildMallOrders } from '../../bff/src/test/orderFactories';
import { HelpCampaignModel } from '../../bff/src/help/HelpCampaign.model';
import { MallItemModel } from '../../bff/src/mall/MallItem.model';
import { PointsAccountModel } from '../../bff/src/points/PointsAccount.model';
import { checkInvariants } from './invariants';

useTestDatabase();

const nobodyPaid = { order: (): undefined => undefined };

async function campaign(overrides: { helpersCount: number; state: 'active' | 'unlocked' }) {
  const owner = await buildMember();
  const now = new Date();
  await HelpCampaignModel.create({
    memberId: owner._id, celebrationYear: 2026, birthday: { month: 6, day: 1 }, goal: 3, gift: { title: 't', description: 'd', templateCode: 'x' },
    helpersCount: overrides.helpersCount, helpers: [], countedAssists: [], state: overrides.state, startedAt: now, expiresAt: new Date(now.getTime() + 86_400_000), unlockedAt: null, couponId: null,
  });
  return owner._id.toHexString();
}

describe('the chaos run\'s invariants see what breaks them', () => {
  it('a consistent world passes', async () => {
    const { member } = await buildPointsLot({ points: 500 });
    const item = await buildMallItem({ stock: 10 });
    const report = await checkInvariants({ pay: nobodyPaid, memberIds: [member._id.toHexString()], ownerIds: [await campaign({ helpersCount: 0, state: 'active' })], items: [{ id: item._id, initialStock: 10 }] });
    expect(report.violations).toEqual([]);
    expect(report.checked).toMatchObject({ 'points accounts': 1, items: 1, 'help campaigns': 1 });
  });

  it('a balance the ledger does not explain', async () => {
    const { member } = await buildPointsLot({ points: 500 });
    await PointsAccountModel.updateOne({ _id: member._id }, { $inc: { balance: 100 } });
    const report = await checkInvariants({ pay: nobodyPaid, memberIds: [member._id.toHexString()], ownerIds: [], items: [] });
    expect(report.violations.map((violation) => violation.invariant)).toEqual(['points ledger']);
  });

  it('units gone that no order holds, or an order left half way', async () => {
    const item = await buildMallItem({ stock: 10 });
    await MallItemModel.updateOne({ _id: item._id }, { $inc: { stock: -1 } });
    const report = await checkInvariants({ pay: nobodyPaid, memberIds: [], ownerIds: [], items: [{ id: item._id, initialStock: 10 }] });
    expect(report.violations.map((violation) => violation.invariant)).toEqual(['stock']);

    const other = await buildMallItem({ stock: 10 });
    await buildMallOrders(1, { itemId: other._id, status: 'points_held' });
    const halfWay = await checkInvariants({ pay: nobodyPaid, memberIds: [], ownerIds: [], items: [{ id: other._id, initialStock: 10 }] });
    expect(halfWay.violations.map((violation) => violation.invariant)).toContain('orders settle');
  });

  it('an order WeChat Pay took money for but the BFF cancelled', async () => {
    const item = await buildMallItem({ stock: 10 });
    const [order] = await buildMallOrders(1, { itemId: item._id, status: 'cancelled' });
    const paid = { order: (outTradeNo: string) => (outTradeNo === order?.orderNo ? { trade_state: 'SUCCESS' } : undefined) };
    const report = await checkInvariants({ pay: paid, memberIds: [], ownerIds: [], items: [{ id: item._id, initialStock: 10 }] });
    expect(report.violations.map((violation) => violation.detail)).toEqual([`${order?.orderNo} paid at WeChat Pay but cancelled`]);
  });

  it('a help campaign counted past its goal, or unlocked without its gift', async () => {
    const over = await campaign({ helpersCount: 4, state: 'active' });
    const giftless = await campaign({ helpersCount: 0, state: 'unlocked' });
    const report = await checkInvariants({ pay: nobodyPaid, memberIds: [], ownerIds: [over, giftless], items: [] });
    expect(report.violations.filter((violation) => violation.invariant === 'help').length).toBeGreaterThanOrEqual(2);
    expect(report.violations.some((violation) => violation.detail.includes('over a goal of 3'))).toBe(true);
    expect(report.violations.some((violation) => violation.detail.includes('unlocked with 0 gifts'))).toBe(true);
  });
});
