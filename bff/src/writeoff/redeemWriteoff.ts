import type { ProgramSettings } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { AppError } from '../errors/AppError';
import { CouponModel } from '../coupons/Coupon.model';
import { MallOrderModel } from '../orders/MallOrder.model';
import { assertCouponUsableAtStore } from './assertCouponUsableAtStore';
import { describeSubject, resolveWriteoffInput } from './describeSubject';
import { recordCouponUsed } from './recordCouponUsed';
import type { StaffMember } from './staffOf';
import { WriteoffRecordModel, type WriteoffRecord } from './WriteoffRecord.model';

/**
 * Writes off the coupon or pickup order the QR names, exactly once: the subject's own conditional update
 * (available → used / usedAt null → now) is the gate; the record is written after it, idempotently.
 */
export async function redeemWriteoff(token: string, staff: StaffMember, context: { now: Date; secret: string; settings: ProgramSettings }): Promise<WriteoffRecord> {
  const { now } = context;
  const scanned = await describeSubject(token, now, context.secret).catch(async (error: unknown) => {
    // A retry of a write-off that crashed after its gate: record the use it did not get to.
    if (error instanceof AppError && error.code === 'WRITEOFF_ALREADY_USED') {
      const verdict = await resolveWriteoffInput(token, now, context.secret);
      if (verdict.ok && verdict.subject === 'coupon') await recordCouponUsed(new Types.ObjectId(verdict.id), now);
    }
    throw error;
  });
  const staffId = new Types.ObjectId(staff.memberId);
  let memberId: Types.ObjectId;
  if (scanned.kind === 'coupon') {
    await assertCouponUsableAtStore(scanned.coupon, staff.store, context);
    const used = await CouponModel.updateOne(
      { _id: scanned.coupon._id, status: 'available', validUntil: { $gt: now } },
      { $set: { status: 'used', usedAt: now, usedStoreId: staff.store._id, usedStoreName: staff.store.name, usedByStaffMemberId: staffId, updatedAt: now } },
    );
    await recordCouponUsed(scanned.coupon._id, now);
    if (used.modifiedCount !== 1) throw new AppError(409, 'WRITEOFF_ALREADY_USED');
    memberId = scanned.coupon.memberId;
  } else {
    const used = await MallOrderModel.updateOne(
      { _id: scanned.order._id, status: 'fulfilled', 'fulfilment.type': 'pickup', 'fulfilment.usedAt': null },
      { $set: { 'fulfilment.usedAt': now, 'fulfilment.storeId': staff.store._id, 'fulfilment.storeName': staff.store.name, 'fulfilment.staffMemberId': staffId, updatedAt: now } },
    );
    if (used.modifiedCount !== 1) throw new AppError(409, 'WRITEOFF_ALREADY_USED');
    memberId = scanned.order.recipientMemberId ?? scanned.order.buyerMemberId;
  }
  const record = {
    subjectKind: scanned.kind,
    subjectId: new Types.ObjectId(scanned.view.id),
    title: scanned.view.title,
    detail: scanned.view.detail,
    memberName: scanned.view.memberName,
    memberId,
    storeId: staff.store._id,
    storeCode: staff.store.code,
    storeName: staff.store.name,
    staffMemberId: staffId,
    staffName: staff.name,
    at: now,
  };
  try {
    return (await WriteoffRecordModel.create(record)).toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const stored = await WriteoffRecordModel.findOne({ subjectKind: record.subjectKind, subjectId: record.subjectId }).lean();
    if (!stored) throw error;
    return stored;
  }
}
