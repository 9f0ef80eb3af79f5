/**
 * The 会员码: a QR code (a signed token) and a barcode of an 18-digit number the cashier can also type. The number
 * starts with 66 (a till tells it from WeChat Pay and Alipay payment codes, which start with 10–15 and 25–30), then
 * 15 random digits, then a Luhn check digit (a mistyped code is refused at the till without a request). With at most
 * a few hundred thousand codes alive at once among 10^15, a guess finds one with odds of about 1 in 10^10, and the
 * identify calls of an integration are rate-limited: a code lives 60 seconds.
 */
export const MEMBER_CODE_PREFIX = '66';
export const MEMBER_CODE_LENGTH = 18;
export const MEMBER_CODE_RANDOM_DIGITS = MEMBER_CODE_LENGTH - MEMBER_CODE_PREFIX.length - 1;
export const MEMBER_CODE_TTL_SECONDS = 60;
/** The page asks for a new code this often, before the shown one runs out. */
export const MEMBER_CODE_REFRESH_SECONDS = 50;
/** A till that identified a member may complete the purchase with the code this long after (ringing up takes time). */
export const MEMBER_CODE_CHECKOUT_MINUTES = 10;
/** Coupons a member may attach to one code. */
export const MEMBER_CODE_MAX_COUPONS = 5;

/** The Luhn check digit of a string of digits (the digit to append). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    // From the right, every second digit (starting with the rightmost of `digits`) is doubled.
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The full code from its random part: prefix, random digits, check digit. */
export function memberCodeFrom(randomDigits: string): string {
  const body = `${MEMBER_CODE_PREFIX}${randomDigits}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** Whether a typed or scanned number has the shape of a member code (length, prefix, check digit). */
export function isMemberCodeNumber(value: string): boolean {
  if (!/^\d+$/.test(value) || value.length !== MEMBER_CODE_LENGTH || !value.startsWith(MEMBER_CODE_PREFIX)) return false;
  return luhnCheckDigit(value.slice(0, -1)) === Number(value.slice(-1));
}

/** 6612 3456 7890 1234 56: how the number is printed under the barcode, easier to read out and type. */
export function formatMemberCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** What a cashier pasted or typed, without the spaces and dashes of the printed form. */
export function normalizeMemberCodeInput(value: string): string {
  const trimmed = value.trim();
  return /^[\d\s-]+$/.test(trimmed) ? trimmed.replace(/[\s-]/g, '') : trimmed;
}
