import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { conflict } from '../errors/AppError';
import { loadOrderForOps } from './listOrdersForOps';
import { MallOrderModel, type MallOrder } from './MallOrder.model';

/**
 * Marks one open flag of an order handled, with the operator's note (what was done: refunded at the merchant
 * console, confirmed with the member…). Final for that reason: the same problem is not raised again.
 */
export async function resolveOrderFlag(input: { orderId: string; flag: string; note: string }, audit: AuditContext): Promise<MallOrder> {
  const order = await loadOrderForOps(input.orderId);
  const index = order.flags.findIndex((flag) => flag.reason === input.flag && !flag.resolvedAt);
  if (index < 0) throw conflict('OPS_ORDER_FLAG_NOT_OPEN');
  const intent = {
    action: 'ops.orders.flags.resolve',
    subject: { type: 'Order', id: input.orderId },
    before: { flag: input.flag, resolvedAt: null },
    after: { flag: input.flag, resolvedAt: audit.now.toISOString() },
    reason: input.note,
  };
  return audited(audit, intent, async (entry) => {
    // Flags are only ever appended, so the position found above still names this flag. (Addressed by position, not
    // by `flags.$`: the dev database's positional operator does not follow an $elemMatch on a missing field.)
    const flag = `flags.${index}`;
    const written = await MallOrderModel.findOneAndUpdate(
      { _id: order._id, [`${flag}.reason`]: input.flag, [`${flag}.resolvedAt`]: null },
      { $set: { [`${flag}.resolvedAt`]: audit.now, [`${flag}.resolvedBy`]: audit.actor.name, [`${flag}.note`]: input.note }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!written) throw conflict('OPS_ORDER_FLAG_NOT_OPEN');
    return written;
  });
}
