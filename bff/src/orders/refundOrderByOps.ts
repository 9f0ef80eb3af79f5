import { opsRefundBlocker } from '@cakeday/shared';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import { conflict } from '../errors/AppError';
import { loadOrderForOps } from './listOrdersForOps';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import type { OrderContext } from './orderContext';
import { claimRefund, finishClaimedRefund } from './refundOrder';

registerAuditSubject('Order', carriesAuditSeq((filter) => MallOrderModel.countDocuments(filter)));

/**
 * Ops refunds an order through the member's refund machinery (claim fulfilled → refunding, then WeChat Pay, points,
 * stock and limit, each once; the sweeper finishes what a crash leaves). Ops may also refund a charity donation,
 * which members cannot (shared/orders/orders.ops.rules.ts); a refund under way is pushed on again. The claim itself
 * is the audited change: it records the entry on the order together with the operator and their reason.
 */
export async function refundOrderByOps(input: { orderId: string; reason: string }, operatorId: string, audit: AuditContext, context: OrderContext): Promise<MallOrder> {
  const order = await loadOrderForOps(input.orderId);
  const blocker = opsRefundBlocker({ status: order.status, kind: order.item.kind, pickupUsed: order.fulfilment?.type === 'pickup' && order.fulfilment.usedAt !== null });
  if (blocker === 'already_refunded') throw conflict('ORDER_ALREADY_REFUNDED');
  if (blocker) throw conflict('ORDER_NOT_REFUNDABLE');
  const by = audit.actor.name;
  const intent = { action: 'ops.orders.refund', subject: { type: 'Order', id: input.orderId }, before: { status: order.status }, after: { status: 'refunding' }, reason: input.reason };
  await audited(audit, intent, async (entry) => {
    if (order.status === 'fulfilled') {
      const request = { by: 'operator' as const, operatorId, operatorName: by, reason: input.reason, at: audit.now };
      return claimRefund(order, context, { request, extras: { by, push: auditSeqPush(entry._id) } });
    }
    const pushed = await MallOrderModel.findOneAndUpdate({ _id: order._id, status: 'refunding' }, { $push: auditSeqPush(entry._id) }, { returnDocument: 'after' }).lean();
    if (!pushed) throw conflict('ORDER_NOT_REFUNDABLE');
    return pushed;
  });
  return finishClaimedRefund(order._id, context);
}
