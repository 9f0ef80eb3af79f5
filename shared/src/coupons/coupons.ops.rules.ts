import type { FieldIssue } from '../errors.js';
import type { CouponFace } from './coupons.rules.js';

/** Which value field each coupon type uses; the others must be empty so the face reads one way. */
export function couponFaceProblems(face: CouponFace): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const needs = (path: keyof CouponFace, present: boolean, message: string) => {
    if (!present) problems.push({ path, message });
  };
  const refuses = (path: keyof CouponFace, value: unknown) => {
    if (value !== null) problems.push({ path, message: '此券类型不使用该字段，请留空' });
  };
  if (face.type === 'amount_off') {
    needs('amountOffFen', (face.amountOffFen ?? 0) > 0, '满减券须填写减免金额');
    refuses('percentOff', face.percentOff);
    refuses('freeItemName', face.freeItemName);
  } else if (face.type === 'percent_off') {
    needs('percentOff', face.percentOff !== null && face.percentOff >= 1 && face.percentOff <= 99, '折扣券须填写 1–99 的折扣');
    refuses('amountOffFen', face.amountOffFen);
    refuses('freeItemName', face.freeItemName);
  } else {
    needs('freeItemName', Boolean(face.freeItemName), '兑换券须填写兑换内容');
    refuses('amountOffFen', face.amountOffFen);
    refuses('percentOff', face.percentOff);
  }
  return problems;
}
