import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { MallOrderModel, type MallOrder } from '../orders/MallOrder.model';
import { scheduleOnEntering } from '../orders/sweepSchedule';

/**
 * Orders stored directly in a state, many at once (for the jobs' working sets): by default a cash order of a
 * service item awaiting payment, scheduled for the sweeper as a change into its state would schedule it. The
 * buyer and item are fresh ids unless given: give real ones when the job under test reads them.
 */
export async function buildMallOrders(count: number, overrides: Partial<MallOrder> = {}): Promise<MallOrder[]> {
  const now = overrides.updatedAt ?? new Date();
  const status = overrides.status ?? 'awaiting_payment';
  const documents = Array.from({ length: count }, () => {
    const orderNo = `MTEST${randomBytes(8).toString('hex').toUpperCase()}`;
    return {
      _id: new Types.ObjectId(),
      orderNo,
      buyerMemberId: new Types.ObjectId(),
      recipientMemberId: null,
      giftRef: null,
      idempotencyKey: `factory-${orderNo}`,
      itemId: new Types.ObjectId(),
      item: { title: '烘焙课体验券', coverImage: '', kind: 'service' as const, couponTemplateCode: null },
      qty: 1,
      pointsTotal: 100,
      cashTotalFen: 990,
      limitKey: `factory:${orderNo}`,
      status,
      failureCode: null,
      paymentDeadline: new Date(now.getTime() + 15 * 60_000),
      prepay: { prepayId: `wx${orderNo}`, params: { timeStamp: '0', nonceStr: 'n', package: `prepay_id=wx${orderNo}`, signType: 'RSA' as const, paySign: 's' }, expiresAt: new Date(now.getTime() + 15 * 60_000) },
      payment: null,
      fulfilment: null,
      pointsEarned: 0,
      cancelReason: null,
      refund: null,
      flags: [],
      createdAt: now,
      updatedAt: now,
      paidAt: null,
      fulfilledAt: null,
      cancelledAt: null,
      refundedAt: null,
      ...scheduleOnEntering(status, now),
      ...overrides,
    };
  });
  await MallOrderModel.insertMany(documents);
  return MallOrderModel.find({ _id: { $in: documents.map((document) => document._id) } }).sort({ _id: 1 }).lean();
}
