import { couponConditionText, couponValueText, isWriteoffCodeNumber, normalizeMemberCodeInput, type WriteoffSubject } from '@cakeday/shared';
import { AppError, unprocessable } from '../errors/AppError';
import { CouponModel, type Coupon } from '../coupons/Coupon.model';
import { MemberModel } from '../members/Member.model';
import { MallOrderModel, type MallOrder } from '../orders/MallOrder.model';
import { verifyQrToken, type QrVerdict } from './qrToken';
import { WriteoffCodeModel } from './WriteoffCode.model';

export type ScannedSubject = { kind: 'coupon'; coupon: Coupon; view: WriteoffSubject; expiresAt: Date } | { kind: 'order'; order: MallOrder; view: WriteoffSubject; expiresAt: Date };

/** Staff see the nickname as friends do: not while it is held for a content review. */
async function memberName(memberId: MallOrder['buyerMemberId']): Promise<string> {
  const member = await MemberModel.findById(memberId, { nickname: 1, nicknameReview: 1 }).lean();
  return (member?.nicknameReview ? null : member?.nickname) ?? '会员';
}

/**
 * What the staff scanned or typed: the QR's signed token, or the numeric code printed beside it (looked up while it
 * lives; a code that was never issued, was renewed away or has run out reads as a forged or stale token).
 */
export async function resolveWriteoffInput(input: string, now: Date, secret: string): Promise<QrVerdict> {
  const typed = normalizeMemberCodeInput(input);
  if (!isWriteoffCodeNumber(typed)) return verifyQrToken(input.trim(), now, secret);
  const code = await WriteoffCodeModel.findOne({ code: typed }).lean();
  if (!code) return { ok: false, reason: 'invalid' };
  if (now >= code.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, subject: code.subjectKind, id: code.subjectId.toHexString(), expiresAt: code.expiresAt };
}

/** Verifies the QR token (or its numeric code) and loads what it names; 422 when forged or stale, 409 when already used. */
export async function describeSubject(token: string, now: Date, secret: string): Promise<ScannedSubject> {
  const verdict = await resolveWriteoffInput(token, now, secret);
  if (!verdict.ok) throw unprocessable(verdict.reason === 'expired' ? 'WRITEOFF_TOKEN_EXPIRED' : 'WRITEOFF_TOKEN_INVALID');
  if (verdict.subject === 'coupon') {
    const coupon = await CouponModel.findById(verdict.id).lean();
    if (!coupon) throw unprocessable('WRITEOFF_TOKEN_INVALID');
    if (coupon.status === 'used') throw new AppError(409, 'WRITEOFF_ALREADY_USED');
    if (coupon.status !== 'available' || now >= coupon.validUntil) throw new AppError(409, 'COUPON_NOT_AVAILABLE');
    const view = { kind: 'coupon' as const, id: verdict.id, title: coupon.title, detail: `${couponValueText(coupon)} · ${couponConditionText(coupon)}`, memberName: await memberName(coupon.memberId) };
    return { kind: 'coupon', coupon, view, expiresAt: verdict.expiresAt };
  }
  const order = await MallOrderModel.findById(verdict.id).lean();
  if (!order || order.fulfilment?.type !== 'pickup') throw unprocessable('WRITEOFF_TOKEN_INVALID');
  if (order.fulfilment.usedAt) throw new AppError(409, 'WRITEOFF_ALREADY_USED');
  if (order.status !== 'fulfilled') throw new AppError(409, 'ORDER_NOT_REFUNDABLE');
  const view = { kind: 'order' as const, id: verdict.id, title: order.item.title, detail: `${order.item.title} × ${order.qty}`, memberName: await memberName(order.recipientMemberId ?? order.buyerMemberId) };
  return { kind: 'order', order, view, expiresAt: verdict.expiresAt };
}
