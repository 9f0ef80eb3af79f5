import { errorStatus, earnsBirthdayMonthRate, pointsForPayment, pointsPaymentBlocker, pointsValueFen, purchaseAmountsAddUp, purchaseTimeInRange, toBusinessIso, type ErrorCode, type PosPurchaseRequest, type RouteResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { CouponModel } from '../coupons/Coupon.model';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { AppError, conflict } from '../errors/AppError';
import type { IntegrationPrincipal } from '../http/context';
import { assertCheckout, findMemberCode } from '../memberCode/resolveMemberCode';
import { birthdayUnlockOf } from '../members/birthdayHistory';
import { celebratedBirthday } from '../members/storedBirthday';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { findMemberByRef } from './findMemberByRef';
import { StoreModel } from '../writeoff/Store.model';
import { blockerOf, couponUseContext } from './couponUseContext';
import { loadPosMember } from './loadPosMember';
import { crashPoint, type PosContext } from './posContext';
import { PosPurchaseModel, type PosPurchase } from './PosPurchase.model';
import { presentPosMember } from './presentPosMember';
import { requestHashOf } from './requestHash';
import { settlePurchase } from './settlePurchase';

const refusal = (code: ErrorCode): AppError => new AppError(errorStatus[code], code);

/** The checks a new receipt passes before it is recorded; a replay of a recorded one skips them (it was checked). */
async function newPurchase(input: PosPurchaseRequest, integration: IntegrationPrincipal, requestHash: string, context: PosContext): Promise<PosPurchase> {
  const { now } = context;
  const store = integration.storeId ? await StoreModel.findById(integration.storeId, { code: 1, name: 1 }).lean() : null;
  if (input.storeCode !== undefined && input.storeCode !== store?.code) throw refusal('POS_WRONG_STORE');
  const purchasedAt = new Date(input.purchasedAt);
  const snapshot = await context.settingsSource.at(purchasedAt);
  // Points pay by the rule in force when the purchase was made (a till that was offline sends later).
  const payment = snapshot.settings.points.payment;
  const pointsBlocker = pointsPaymentBlocker(input.pointsToRedeem, input.totalFen - input.discountFen, payment);
  if (pointsBlocker) throw refusal(pointsBlocker);
  const pointsRedeemedFen = input.pointsToRedeem > 0 ? pointsValueFen(input.pointsToRedeem, payment) : 0;
  if (!purchaseAmountsAddUp({ ...input, pointsFen: pointsRedeemedFen })) throw refusal('POS_AMOUNTS_MISMATCH');
  if (!purchaseTimeInRange(purchasedAt, now)) throw refusal('POS_TIME_OUT_OF_RANGE');
  const purchaseKey = `${integration.integrationId}:${input.receiptNo}`;
  const code = input.member ? null : await findMemberCode(input.memberCode ?? '', context.secret);
  if (code) assertCheckout(code, { now, integrationId: integration.integrationId, purchaseKey });
  const member = code ? await loadPosMember(code.memberId) : await findMemberByRef(input.member ?? { openid: '' }, integration, context.hashKey);
  const couponIds = [...new Set(input.couponIds)];
  // At a till only the coupons the member attached to the code; online the member's own (checked below).
  if (code && !couponIds.every((id) => code.couponIds.some((attached) => attached.toHexString() === id))) throw refusal('POS_COUPON_NOT_PRESENTED');
  // The ledger decides when the purchase settles; checked here too so a short balance records nothing.
  if (input.pointsToRedeem > 0) {
    const account = await PointsAccountModel.findById(member._id, { balance: 1 }).lean();
    const balance = account?.balance ?? 0;
    if (balance < 0) throw refusal('POINTS_BALANCE_NEGATIVE');
    if (balance < input.pointsToRedeem) throw refusal('POINTS_INSUFFICIENT');
  }
  const coupons = await CouponModel.find({ _id: { $in: couponIds.map((id) => new Types.ObjectId(id)) }, memberId: member._id }).lean();
  if (coupons.length !== couponIds.length) throw refusal('POS_COUPON_NOT_PRESENTED');
  const useContext = await couponUseContext(member, integration, { now, spendFen: input.totalFen, settings: snapshot.settings });
  for (const coupon of coupons) {
    const blocker = blockerOf(coupon, useContext);
    if (blocker) throw refusal(blocker.code);
  }
  const birthday = celebratedBirthday(member.birthday);
  const inBirthdayMonth = birthday ? earnsBirthdayMonthRate(birthday, purchasedAt, birthdayUnlockOf(member, snapshot.settings)) : false;
  const draft = {
    integrationId: new Types.ObjectId(integration.integrationId),
    receiptNo: input.receiptNo,
    requestHash,
    channel: integration.kind === 'store' ? ('store' as const) : ('online' as const),
    storeId: store?._id ?? null,
    storeName: store?.name ?? null,
    memberId: member._id,
    memberCodeId: code?._id ?? null,
    purchasedAt,
    lines: input.lines,
    totalFen: input.totalFen,
    discountFen: input.discountFen,
    paidFen: input.paidFen,
    pointsRedeemed: input.pointsToRedeem,
    pointsRedeemedFen,
    couponIds: couponIds.map((id) => new Types.ObjectId(id)),
    settingsVersion: snapshot.version,
    tierBefore: member.tier.level,
    inBirthdayMonth,
    pointsEarned: pointsForPayment({ paidFen: input.paidFen, inBirthdayMonth, rate: snapshot.settings.points.earn[member.tier.level] }),
    state: 'recorded' as const,
    refusal: null,
    tierAfter: null,
    refunds: [],
    refundedFen: 0,
    createdAt: now,
    settledAt: null,
    nextAttemptAt: new Date(now.getTime() + 60_000),
  };
  try {
    return (await PosPurchaseModel.create(draft)).toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const stored = await PosPurchaseModel.findOne({ integrationId: draft.integrationId, receiptNo: input.receiptNo }).lean();
    if (!stored) throw error;
    return stored;
  }
}

/**
 * pos.purchase: one purchase per receipt number and integration, however often and however concurrently it is sent;
 * the same number with other content is 409 IDEMPOTENCY_KEY_REUSED. A replay answers what the first one did.
 */
export async function recordPurchase(input: PosPurchaseRequest, integration: IntegrationPrincipal, context: PosContext): Promise<RouteResponse<'pos.purchase'>> {
  const requestHash = requestHashOf(input);
  const integrationId = new Types.ObjectId(integration.integrationId);
  const stored = await PosPurchaseModel.findOne({ integrationId, receiptNo: input.receiptNo }).lean();
  const recorded = stored ?? (await newPurchase(input, integration, requestHash, context));
  if (recorded.requestHash !== requestHash) throw conflict('IDEMPOTENCY_KEY_REUSED');
  crashPoint(context, 'recorded');
  const purchase = await settlePurchase(recorded, context);
  if (purchase.state === 'refused') throw refusal(purchase.refusal ?? 'CONFLICT');
  const member = await loadPosMember(purchase.memberId);
  return {
    receiptNo: purchase.receiptNo,
    purchasedAt: toBusinessIso(purchase.purchasedAt),
    paidFen: purchase.paidFen,
    pointsEarned: purchase.pointsEarned,
    pointsRedeemed: purchase.pointsRedeemed ?? 0,
    pointsRedeemedFen: purchase.pointsRedeemedFen ?? 0,
    couponsWrittenOff: purchase.couponIds.map((id) => id.toHexString()),
    member: { ...(await presentPosMember(member, context.now)), tierChanged: purchase.tierAfter !== null && purchase.tierAfter !== purchase.tierBefore },
  };
}
