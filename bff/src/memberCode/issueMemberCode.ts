import { randomInt } from 'node:crypto';
import {
  MEMBER_CODE_RANDOM_DIGITS,
  MEMBER_CODE_REFRESH_SECONDS,
  MEMBER_CODE_TTL_SECONDS,
  memberCodeFrom,
  tierNames,
  toBusinessIso,
  type MemberCodeIssueResponse,
} from '@cakeday/shared';
import { Types } from 'mongoose';
import { CouponModel } from '../coupons/Coupon.model';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { AppError } from '../errors/AppError';
import { loadMember } from '../members/loadMember';
import { pointsSummary } from '../points/pointsSummary';
import { MemberCodeModel } from './MemberCode.model';
import { presentCodeCoupon } from './presentCodeCoupon';
import { signMemberCode } from './memberCodeToken';

const ATTEMPTS = 5;

function randomDigits(): string {
  return Array.from({ length: MEMBER_CODE_RANDOM_DIGITS }, () => String(randomInt(10))).join('');
}

/**
 * A fresh member code for 60 seconds with the coupons the member chose (each must be theirs and usable now: 409
 * COUPON_NOT_AVAILABLE). Each refresh of the page issues a new one; the old ones simply run out.
 */
export async function issueMemberCode(memberId: string, couponIds: string[], context: { now: Date; secret: string }): Promise<MemberCodeIssueResponse> {
  const { now } = context;
  const member = await loadMember(memberId);
  const wanted = [...new Set(couponIds)];
  const coupons = await CouponModel.find({ _id: { $in: wanted.map((id) => new Types.ObjectId(id)) }, memberId: member._id }).lean();
  const usable = coupons.filter((coupon) => coupon.status === 'available' && coupon.validFrom <= now && now < coupon.validUntil);
  if (usable.length !== wanted.length) throw new AppError(409, 'COUPON_NOT_AVAILABLE');
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + MEMBER_CODE_TTL_SECONDS * 1000);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const code = memberCodeFrom(randomDigits());
    try {
      await MemberCodeModel.create({
        code,
        memberId: member._id,
        couponIds: usable.map((coupon) => coupon._id),
        issuedAt: now,
        expiresAt,
        identifiedByIntegrationId: null,
        identifiedAt: null,
        usedByPurchaseKey: null,
        usedAt: null,
      });
      const points = await pointsSummary(memberId, now);
      return {
        token: signMemberCode(code, expiresAt, context.secret),
        numericCode: code,
        expiresAt: toBusinessIso(expiresAt),
        refreshAfterSeconds: MEMBER_CODE_REFRESH_SECONDS,
        coupons: usable.map(presentCodeCoupon),
        member: { tier: { level: member.tier.level, name: tierNames[member.tier.level] }, pointsBalance: points.balance },
      };
    } catch (error) {
      // A collision with a live code (odds about 1 in 10^10): draw again.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new Error('no free member code after several draws');
}
