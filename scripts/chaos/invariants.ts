import { TERMINAL_ORDER_STATUSES } from '@cakeday/shared';
import { Types } from 'mongoose';
import { CouponModel } from '../../bff/src/coupons/Coupon.model';
import { HelpAssistModel } from '../../bff/src/help/HelpAssist.model';
import { HelpCampaignModel } from '../../bff/src/help/HelpCampaign.model';
import { MallItemModel } from '../../bff/src/mall/MallItem.model';
import { MallOrderModel } from '../../bff/src/orders/MallOrder.model';
import { auditPointsAccount } from '../../bff/src/points/auditPointsAccount';
import type { PaySandboxControl } from '../wechat-sandbox/pay';

export interface Violation {
  invariant: string;
  detail: string;
}

export interface InvariantReport {
  checked: Record<string, number>;
  violations: Violation[];
}

/** Every points account agrees with its ledger and its lots: no point lost or counted twice. */
async function pointsHold(memberIds: readonly string[], report: InvariantReport): Promise<void> {
  for (const memberId of memberIds) {
    const audit = await auditPointsAccount(memberId);
    if (!audit.consistent) report.violations.push({ invariant: 'points ledger', detail: `${memberId}: ${JSON.stringify(audit)}` });
  }
  report.checked['points accounts'] = memberIds.length;
}

/** No item sold beyond its stock: units left + units fulfilled + units held by open orders = the stock it started with. */
async function stockHolds(items: readonly { id: Types.ObjectId; initialStock: number }[], report: InvariantReport): Promise<void> {
  for (const { id, initialStock } of items) {
    const item = await MallItemModel.findById(id).lean();
    const orders = await MallOrderModel.find({ itemId: id }, { status: 1, qty: 1 }).lean();
    const fulfilled = orders.filter((order) => order.status === 'fulfilled').reduce((sum, order) => sum + order.qty, 0);
    const open = new Set(orders.filter((order) => !TERMINAL_ORDER_STATUSES.includes(order.status)).map((order) => order._id.toHexString()));
    const held = (item?.reservedOrders ?? []).filter((orderId) => open.has(orderId.toHexString()));
    const heldUnits = orders.filter((order) => held.some((orderId) => orderId.equals(order._id))).reduce((sum, order) => sum + order.qty, 0);
    const stale = (item?.reservedOrders ?? []).length - held.length;
    if (!item || item.stock < 0 || item.stock + fulfilled + heldUnits !== initialStock || stale > 0) {
      report.violations.push({ invariant: 'stock', detail: `${id.toHexString()}: started ${initialStock}, left ${item?.stock}, fulfilled ${fulfilled}, held ${heldUnits}, reservations of finished orders ${stale}` });
    }
  }
  report.checked.items = items.length;
}

/** Every order finished, or waiting for a payment WeChat Pay has not taken; a paid one is never left unfulfilled. */
async function ordersSettle(pay: Pick<PaySandboxControl, 'order'>, itemIds: readonly Types.ObjectId[], report: InvariantReport): Promise<void> {
  const orders = await MallOrderModel.find({ itemId: { $in: itemIds } }).lean();
  for (const order of orders) {
    const atWechat = pay.order(order.orderNo);
    const paidAtWechat = atWechat?.trade_state === 'SUCCESS';
    if (order.status === 'awaiting_payment' && !paidAtWechat) continue;
    if (!TERMINAL_ORDER_STATUSES.includes(order.status)) report.violations.push({ invariant: 'orders settle', detail: `${order.orderNo} left ${order.status}` });
    else if (paidAtWechat && order.status === 'cancelled') report.violations.push({ invariant: 'orders settle', detail: `${order.orderNo} paid at WeChat Pay but cancelled` });
    if (order.status === 'fulfilled' && order.fulfilment?.type === 'coupon') {
      const coupons = await CouponModel.countDocuments({ memberId: order.recipientMemberId ?? order.buyerMemberId, source: 'redemption', sourceKey: { $regex: `^${order._id.toHexString()}:` } });
      if (coupons !== order.qty) report.violations.push({ invariant: 'coupons', detail: `${order.orderNo}: ${coupons} coupons for ${order.qty} units` });
    }
  }
  report.checked.orders = orders.length;
}

/** A campaign counts each friend once, never past its goal, and unlocks exactly one gift when it reaches it. */
async function helpHolds(ownerIds: readonly string[], report: InvariantReport): Promise<void> {
  const campaigns = await HelpCampaignModel.find({ memberId: { $in: ownerIds.map((id) => new Types.ObjectId(id)) } }).lean();
  for (const campaign of campaigns) {
    const counted = await HelpAssistModel.countDocuments({ campaignId: campaign._id, state: 'counted' });
    const gifts = await CouponModel.countDocuments({ memberId: campaign.memberId, source: 'help', sourceKey: campaign._id.toHexString() });
    const problems = [
      ...(campaign.helpersCount > campaign.goal ? [`${campaign.helpersCount} helpers over a goal of ${campaign.goal}`] : []),
      ...(campaign.helpersCount !== campaign.countedAssists.length ? [`helpersCount ${campaign.helpersCount}, counted assists named ${campaign.countedAssists.length}`] : []),
      ...(counted !== campaign.helpersCount ? [`${counted} assists marked counted for ${campaign.helpersCount} helpers`] : []),
      ...(campaign.state === 'unlocked' && gifts !== 1 ? [`unlocked with ${gifts} gifts`] : []),
      ...(campaign.state !== 'unlocked' && gifts !== 0 ? [`${campaign.state} with ${gifts} gifts`] : []),
      ...(campaign.helpersCount === campaign.goal && campaign.state !== 'unlocked' ? [`at its goal but ${campaign.state}`] : []),
    ];
    for (const problem of problems) report.violations.push({ invariant: 'help', detail: `${campaign._id.toHexString()}: ${problem}` });
  }
  report.checked['help campaigns'] = campaigns.length;
}

export async function checkInvariants(input: {
  /** WeChat Pay's side (the sandbox): which orders it took payment for. */
  pay: Pick<PaySandboxControl, 'order'>;
  memberIds: readonly string[];
  ownerIds: readonly string[];
  items: readonly { id: Types.ObjectId; initialStock: number }[];
}): Promise<InvariantReport> {
  const report: InvariantReport = { checked: {}, violations: [] };
  await pointsHold(input.memberIds, report);
  await stockHolds(input.items, report);
  await ordersSettle(input.pay, input.items.map((item) => item.id), report);
  await helpHolds(input.ownerIds, report);
  return report;
}
