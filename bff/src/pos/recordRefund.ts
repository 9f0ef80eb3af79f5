import { errorStatus, purchaseTimeInRange, type PosRefundRequest, type RouteResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { AppError, conflict } from '../errors/AppError';
import type { IntegrationPrincipal } from '../http/context';
import type { PosContext } from './posContext';
import { PosRefundModel, type PosRefund } from './PosRefund.model';
import { requestHashOf } from './requestHash';
import { settlePurchase } from './settlePurchase';
import { settleRefund } from './settleRefund';

async function newRefund(input: PosRefundRequest, integrationId: Types.ObjectId, requestHash: string, context: PosContext): Promise<PosRefund> {
  const refundedAt = new Date(input.refundedAt);
  if (!purchaseTimeInRange(refundedAt, context.now)) throw new AppError(422, 'POS_TIME_OUT_OF_RANGE');
  const draft = {
    integrationId,
    receiptNo: input.receiptNo,
    refundNo: input.refundNo,
    requestHash,
    refundFen: input.refundFen,
    refundedAt,
    state: 'waiting' as const,
    refusal: null,
    purchaseId: null,
    memberId: null,
    pointsClawedBack: 0,
    pointsReturned: 0,
    couponsRestored: [],
    createdAt: context.now,
    settledAt: null,
    nextAttemptAt: new Date(context.now.getTime() + 60_000),
  };
  try {
    return (await PosRefundModel.create(draft)).toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const stored = await PosRefundModel.findOne({ integrationId, receiptNo: input.receiptNo, refundNo: input.refundNo }).lean();
    if (!stored) throw error;
    return stored;
  }
}

/**
 * pos.refund: one refund per refund number and receipt (a replay answers the same). Only the integration's own
 * receipts are found: another store's receipt number is simply not this till's. A refund whose purchase has not
 * arrived yet waits for it (status waiting_for_purchase) and settles when it does.
 */
export async function recordRefund(input: PosRefundRequest, integration: IntegrationPrincipal, context: PosContext): Promise<RouteResponse<'pos.refund'>> {
  const requestHash = requestHashOf(input);
  const integrationId = new Types.ObjectId(integration.integrationId);
  const stored = await PosRefundModel.findOne({ integrationId, receiptNo: input.receiptNo, refundNo: input.refundNo }).lean();
  const waiting = stored ?? (await newRefund(input, integrationId, requestHash, context));
  if (waiting.requestHash !== requestHash) throw conflict('IDEMPOTENCY_KEY_REUSED');
  const refund = await settleRefund(waiting, context, (purchase) => settlePurchase(purchase, context));
  if (refund.state === 'refused') {
    const code = refund.refusal ?? 'POS_PURCHASE_NOT_REFUNDABLE';
    throw new AppError(errorStatus[code], code);
  }
  return {
    receiptNo: refund.receiptNo,
    refundNo: refund.refundNo,
    status: refund.state === 'settled' ? 'settled' : 'waiting_for_purchase',
    refundFen: refund.refundFen,
    pointsClawedBack: refund.pointsClawedBack,
    pointsReturned: refund.pointsReturned ?? 0,
    couponsRestored: refund.couponsRestored.map((id) => id.toHexString()),
  };
}
