import { INTEGRATION_WINDOW_SECONDS } from '@cakeday/shared';
import { IntegrationNonceModel } from '../integrations/IntegrationNonce.model';
import type { Logger } from '../logger';
import { MemberCodeModel } from '../memberCode/MemberCode.model';
import type { PosContext } from './posContext';
import { PosPurchaseModel } from './PosPurchase.model';
import { PosRefundModel } from './PosRefund.model';
import { settlePurchase } from './settlePurchase';
import { settleRefund } from './settleRefund';

const BATCH = 100;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A refund whose purchase has not come is looked at again later and later, up to once a day. */
const backoff = (createdAt: Date, now: Date): Date => new Date(now.getTime() + Math.min(DAY, Math.max(MINUTE, now.getTime() - createdAt.getTime())));

/**
 * pos.settle: finishes purchases a crash left recorded and refunds still waiting (their purchase came meanwhile),
 * oldest due first by `nextAttemptAt`; each is pushed back before it is tried so that one that keeps failing does
 * not hold up the others. Then purges nonces older than the signing window and member codes expired a day ago.
 */
export async function settlePendingPos(context: PosContext & { logger: Pick<Logger, 'warn'> }): Promise<{ purchases: number; refunds: number }> {
  const { now } = context;
  const purchases = await PosPurchaseModel.find({ state: 'recorded', nextAttemptAt: { $lte: now } }).sort({ nextAttemptAt: 1, _id: 1 }).limit(BATCH).lean();
  for (const purchase of purchases) {
    await PosPurchaseModel.updateOne({ _id: purchase._id, state: 'recorded' }, { $set: { nextAttemptAt: backoff(purchase.createdAt, now) } });
    await settlePurchase(purchase, context).catch((error: unknown) => context.logger.warn({ err: error, purchaseId: purchase._id }, 'pos purchase not settled; retried later'));
  }
  const refunds = await PosRefundModel.find({ state: 'waiting', nextAttemptAt: { $lte: now } }).sort({ nextAttemptAt: 1, _id: 1 }).limit(BATCH).lean();
  for (const refund of refunds) {
    await PosRefundModel.updateOne({ _id: refund._id, state: 'waiting' }, { $set: { nextAttemptAt: backoff(refund.createdAt, now) } });
    await settleRefund(refund, context, (purchase) => settlePurchase(purchase, context)).catch((error: unknown) =>
      context.logger.warn({ err: error, refundId: refund._id }, 'pos refund not settled; retried later'),
    );
  }
  await IntegrationNonceModel.deleteMany({ at: { $lt: new Date(now.getTime() - 2 * INTEGRATION_WINDOW_SECONDS * 1000) } });
  await MemberCodeModel.deleteMany({ expiresAt: { $lt: new Date(now.getTime() - DAY) } });
  return { purchases: purchases.length, refunds: refunds.length };
}
