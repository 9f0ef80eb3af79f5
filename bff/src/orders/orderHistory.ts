import type { OrderStatus } from '@cakeday/shared';
import type { MallOrder, OrderHistoryEntry } from './MallOrder.model';

/** The moves an order's timestamps prove, for orders placed before transitions were recorded. */
function fromTimestamps(order: MallOrder): OrderHistoryEntry[] {
  const stamps: [OrderStatus, Date | null][] = [
    ['created', order.createdAt],
    ['paid', order.paidAt],
    ['fulfilled', order.fulfilledAt],
    ['refunding', order.refundRequest?.at ?? order.refund?.requestedAt ?? null],
    ['cancelled', order.cancelledAt],
    ['refunded', order.refundedAt],
  ];
  return stamps
    .filter((stamp): stamp is [OrderStatus, Date] => stamp[1] !== null)
    .map(([status, at]) => ({ status, at, by: null }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The order's history, oldest first: the recorded moves (transitionOrder appends each), completed from the
 * timestamps where the order began before moves were recorded (`derived`: intermediate steps are missing there).
 */
export function orderHistory(order: MallOrder): { entries: OrderHistoryEntry[]; derived: boolean } {
  const recorded = order.history ?? [];
  if (recorded[0]?.status === 'created') return { entries: recorded, derived: false };
  const firstRecorded = recorded[0]?.at.getTime() ?? Number.POSITIVE_INFINITY;
  const earlier = fromTimestamps(order).filter((entry) => entry.at.getTime() < firstRecorded);
  return { entries: [...earlier, ...recorded], derived: true };
}
