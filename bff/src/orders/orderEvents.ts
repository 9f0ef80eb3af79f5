import { eventKey, recordEvent } from '../events/recordEvent';
import type { MallOrder } from './MallOrder.model';

const subjectOf = (order: MallOrder) => ({ type: 'order', id: order._id.toHexString() });

/**
 * The order's cash payment, once (`order.paid:<orderId>`). Called among fulfilment's idempotent steps, before the
 * order leaves `paid`, so the sweeper that finishes a paid order records it if a crash came first.
 */
export async function recordOrderPaid(order: MallOrder, now: Date): Promise<void> {
  if (!order.payment || order.payment.amountFen <= 0) return;
  await recordEvent(
    {
      type: 'order.paid',
      key: eventKey('order.paid', order._id.toHexString()),
      at: order.paidAt ?? order.payment.paidAt,
      memberId: order.buyerMemberId,
      subject: subjectOf(order),
      props: { cashFen: order.payment.amountFen },
    },
    now,
  );
}

/** The cash refund, once (`order.refunded:<orderId>`), before the order leaves `refunding` (the sweeper replays it). */
export async function recordOrderRefunded(order: MallOrder, now: Date): Promise<void> {
  if (order.cashTotalFen <= 0 || order.refund?.status !== 'SUCCESS') return;
  await recordEvent(
    {
      type: 'order.refunded',
      key: eventKey('order.refunded', order._id.toHexString()),
      at: now,
      memberId: order.buyerMemberId,
      subject: subjectOf(order),
      props: { refundFen: order.cashTotalFen },
    },
    now,
  );
}
