import { luhnCheckDigit } from '../memberCode/memberCode.rules.js';

/**
 * The short number printed beside a coupon's or a pickup order's write-off QR, for the till to type when the scan
 * fails: 12 digits, starting with 8 (a till tells it from an 18-digit 会员码 by its length and from payment codes
 * by its prefix), 10 random digits and a Luhn check digit (a mistyped code is refused without a lookup). It lives
 * as long as the QR beside it (a minute) and only names a coupon or order to staff who are signed in.
 */
export const WRITEOFF_CODE_PREFIX = '8';
export const WRITEOFF_CODE_LENGTH = 12;
export const WRITEOFF_CODE_RANDOM_DIGITS = WRITEOFF_CODE_LENGTH - WRITEOFF_CODE_PREFIX.length - 1;

export function writeoffCodeFrom(randomDigits: string): string {
  const body = `${WRITEOFF_CODE_PREFIX}${randomDigits}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** Whether typed text (spaces and dashes removed) has the shape of a write-off code. */
export function isWriteoffCodeNumber(value: string): boolean {
  if (!/^\d+$/.test(value) || value.length !== WRITEOFF_CODE_LENGTH || !value.startsWith(WRITEOFF_CODE_PREFIX)) return false;
  return luhnCheckDigit(value.slice(0, -1)) === Number(value.slice(-1));
}

/** 8123 4567 8901: how it is printed, easier to read out and type. */
export function formatWriteoffCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}
