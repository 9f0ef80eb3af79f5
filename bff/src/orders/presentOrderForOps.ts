import {
  maskName,
  opsRefundBlocker,
  orderFlagLabel,
  opsOrderStatusLabels,
  priceText,
  toBusinessIso,
  type OpsOrderDetail,
  type OpsOrderSummary,
  type TierLevel,
} from '@cakeday/shared';
import type { MallOrder, StoredFulfilment } from './MallOrder.model';
import { orderHistory } from './orderHistory';

const iso = (date: Date | null | undefined): string | null => (date ? toBusinessIso(date) : null);

const openFlags = (order: MallOrder): string[] => order.flags.filter((flag) => !flag.resolvedAt).map((flag) => flag.reason);

export function presentOrderSummaryForOps(order: MallOrder): OpsOrderSummary {
  return {
    id: order._id.toHexString(),
    orderNo: order.orderNo,
    buyerMemberId: order.buyerMemberId.toHexString(),
    recipientMemberId: order.recipientMemberId?.toHexString() ?? null,
    item: { id: order.itemId.toHexString(), title: order.item.title, kind: order.item.kind },
    qty: order.qty,
    pointsTotal: order.pointsTotal,
    cashTotalFen: order.cashTotalFen,
    priceText: priceText(order.pointsTotal, order.cashTotalFen),
    status: order.status,
    statusLabel: opsOrderStatusLabels[order.status],
    createdAt: toBusinessIso(order.createdAt),
    paidAt: iso(order.paidAt),
    fulfilledAt: iso(order.fulfilledAt),
    cancelledAt: iso(order.cancelledAt),
    refundedAt: iso(order.refundedAt),
    refundStatus: order.refund?.status ?? null,
    openFlags: openFlags(order),
  };
}

function presentFulfilment(fulfilment: StoredFulfilment | null): OpsOrderDetail['fulfilment'] {
  if (!fulfilment) return null;
  if (fulfilment.type === 'coupon') return { type: 'coupon', couponId: fulfilment.couponId.toHexString(), couponTitle: fulfilment.couponTitle };
  if (fulfilment.type === 'donation') return { type: 'donation', certificateNo: fulfilment.certificateNo };
  return { type: 'pickup', usedAt: iso(fulfilment.usedAt), storeId: fulfilment.storeId?.toHexString() ?? null, storeName: fulfilment.storeName };
}

function presentRefund(order: MallOrder): OpsOrderDetail['refund'] {
  const request = order.refundRequest ?? null;
  if (!request && !order.refund) return null;
  return {
    outRefundNo: order.refund?.outRefundNo ?? null,
    status: order.refund?.status ?? null,
    reason: request?.reason ?? order.refund?.reason ?? null,
    requestedAt: toBusinessIso(request?.at ?? order.refund?.requestedAt ?? order.updatedAt),
    requestedBy: request?.by === 'operator' ? (request.operatorName ?? 'operator') : 'member',
  };
}

/** The order as ops see it: the whole record with its history; the buyer's nickname masked. */
export function presentOrderForOps(order: MallOrder, buyer: { nickname: string | null; tier: TierLevel } | null): OpsOrderDetail {
  const history = orderHistory(order);
  const blocker = opsRefundBlocker({
    status: order.status,
    kind: order.item.kind,
    pickupUsed: order.fulfilment?.type === 'pickup' && order.fulfilment.usedAt !== null,
  });
  return {
    ...presentOrderSummaryForOps(order),
    buyer: buyer ? { id: order.buyerMemberId.toHexString(), nickname: buyer.nickname ? maskName(buyer.nickname) : null, tier: buyer.tier } : null,
    failureCode: order.failureCode,
    cancelReason: order.cancelReason,
    fulfilment: presentFulfilment(order.fulfilment),
    payment: order.payment ? { transactionId: order.payment.transactionId, amountFen: order.payment.amountFen, paidAt: toBusinessIso(order.payment.paidAt) } : null,
    refund: presentRefund(order),
    flags: order.flags.map((flag) => ({
      reason: flag.reason,
      reasonLabel: orderFlagLabel(flag.reason),
      detail: flag.detail,
      at: toBusinessIso(flag.at),
      resolvedAt: iso(flag.resolvedAt),
      resolvedBy: flag.resolvedBy ?? null,
      note: flag.note ?? null,
    })),
    history: history.entries.map((entry) => ({ status: entry.status, statusLabel: opsOrderStatusLabels[entry.status], at: toBusinessIso(entry.at), by: entry.by })),
    historyDerived: history.derived,
    settingsVersion: order.settingsVersion ?? null,
    actions: { canRefund: blocker === null, refundBlocker: blocker },
  };
}
