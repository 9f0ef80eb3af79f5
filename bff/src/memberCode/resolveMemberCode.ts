import { MEMBER_CODE_CHECKOUT_MINUTES, isMemberCodeNumber, normalizeMemberCodeInput } from '@cakeday/shared';
import { AppError } from '../errors/AppError';
import { MemberCodeModel, type MemberCode } from './MemberCode.model';
import { codeOfToken } from './memberCodeToken';

/** The stored code a scanned token or typed number names; 422 MEMBER_CODE_INVALID for anything else. */
export async function findMemberCode(scanned: string, secret: string): Promise<MemberCode> {
  const input = normalizeMemberCodeInput(scanned);
  const code = isMemberCodeNumber(input) ? input : codeOfToken(input, secret);
  const stored = code ? await MemberCodeModel.findOne({ code }).lean() : null;
  if (!stored) throw new AppError(422, 'MEMBER_CODE_INVALID');
  return stored;
}

/** A code identifies its member while it lives and until a purchase used it. */
export function assertIdentifies(code: MemberCode, now: Date): void {
  if (code.usedByPurchaseKey) throw new AppError(409, 'MEMBER_CODE_USED');
  if (now >= code.expiresAt) throw new AppError(422, 'MEMBER_CODE_EXPIRED');
}

/**
 * A purchase may name a code while it lives, or for a while after the same integration identified the member with
 * it (ringing up takes longer than a minute); never one another purchase used.
 */
export function assertCheckout(code: MemberCode, context: { now: Date; integrationId: string; purchaseKey: string }): void {
  if (code.usedByPurchaseKey && code.usedByPurchaseKey !== context.purchaseKey) throw new AppError(409, 'MEMBER_CODE_USED');
  if (context.now < code.expiresAt) return;
  const identifiedHere = code.identifiedByIntegrationId?.toHexString() === context.integrationId && code.identifiedAt !== null;
  const until = identifiedHere && code.identifiedAt ? checkoutUntil(code.identifiedAt) : code.expiresAt;
  if (context.now >= until) throw new AppError(422, 'MEMBER_CODE_EXPIRED');
}

export function checkoutUntil(identifiedAt: Date): Date {
  return new Date(identifiedAt.getTime() + MEMBER_CODE_CHECKOUT_MINUTES * 60_000);
}
