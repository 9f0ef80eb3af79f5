import { cancelReasonLabels, orderStatusDisplay, pickupDeadlineText, priceText, toBusinessIso, type Order, type OrderFulfilment, type OrderPickup } from '@cakeday/shared';
import type { MallOrder, StoredFulfilment, StoredPickup } from './MallOrder.model';

const iso = (date: Date | null): string | null => (date ? toBusinessIso(date) : null);

function presentFulfilment(fulfilment: StoredFulfilment | null): OrderFulfilment | null {
  if (!fulfilment) return null;
  if (fulfilment.type === 'coupon') return { type: 'coupon', couponId: fulfilment.couponId.toHexString(), couponTitle: fulfilment.couponTitle };
  if (fulfilment.type === 'donation') return fulfilment;
  return { type: 'pickup', usedAt: iso(fulfilment.usedAt), storeName: fulfilment.storeName };
}

function presentPickup(pickup: StoredPickup | null | undefined): OrderPickup | null {
  if (!pickup) return null;
  return {
    store: { id: pickup.storeId.toHexString(), name: pickup.storeName, address: pickup.address, phone: pickup.phone, openingHours: pickup.openingHours },
    deadline: toBusinessIso(pickup.deadline),
    deadlineText: pickupDeadlineText(pickup.deadline, pickup.storeName),
  };
}

/** The order as the given member sees it (buyer or gift recipient). */
export function presentOrder(order: MallOrder, viewerMemberId: string, now: Date): Order {
  const display = orderStatusDisplay[order.status];
  const isBuyer = order.buyerMemberId.equals(viewerMemberId);
  const unusedPickup = order.status === 'fulfilled' && order.fulfilment?.type === 'pickup' && order.fulfilment.usedAt === null;
  const payable = (order.status === 'awaiting_payment' || order.status === 'stock_reserved') && order.cashTotalFen > 0;
  return {
    id: order._id.toHexString(),
    orderNo: order.orderNo,
    item: { id: order.itemId.toHexString(), title: order.item.title, coverImage: order.item.coverImage, kind: order.item.kind },
    qty: order.qty,
    pointsTotal: order.pointsTotal,
    cashTotalFen: order.cashTotalFen,
    coupon: isBuyer && order.coupon ? { id: order.coupon.couponId.toHexString(), title: order.coupon.title, discountFen: order.coupon.discountFen } : null,
    priceText: priceText(order.pointsTotal, order.cashTotalFen),
    status: order.status,
    statusLabel: display.label,
    statusTone: display.tone,
    cancelReason: order.cancelReason,
    cancelReasonText: order.status === 'cancelled' && order.cancelReason ? cancelReasonLabels[order.cancelReason] : null,
    createdAt: toBusinessIso(order.createdAt),
    paymentDeadline: payable ? iso(order.paymentDeadline) : null,
    paidAt: iso(order.paidAt),
    fulfilledAt: iso(order.fulfilledAt),
    cancelledAt: iso(order.cancelledAt),
    refundedAt: iso(order.refundedAt),
    fulfilment: presentFulfilment(order.fulfilment),
    pickup: presentPickup(order.pickup),
    pointsEarned: isBuyer ? order.pointsEarned : 0,
    gift: order.recipientMemberId ? { received: !isBuyer, giftRef: order.giftRef } : null,
    actions: {
      canPay: isBuyer && payable && order.paymentDeadline !== null && now < order.paymentDeadline,
      canCancel: isBuyer && payable,
      canRefund: isBuyer && order.item.kind !== 'charity' && order.status === 'fulfilled' && (order.fulfilment?.type !== 'pickup' || unusedPickup),
      canShowQr: (order.recipientMemberId ?? order.buyerMemberId).equals(viewerMemberId) && unusedPickup,
    },
  };
}
