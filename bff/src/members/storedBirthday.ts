import type { Birthday } from '@cakeday/shared';
import type { StoredBirthday } from './Member.model';
import { decryptPersonalData, encryptPersonalData } from './personalDataCrypto';

/**
 * The birthday as stored: month and day in clear (birthday campaigns query them), the year encrypted like the
 * phone (AES-256-GCM under DATA_ENCRYPTION_KEY), because with month and day it identifies the person.
 */
export function storeBirthday(birthday: Birthday, dataKey: string): StoredBirthday {
  const year = birthday.year ?? null;
  return { month: birthday.month, day: birthday.day, yearCiphertext: year === null ? null : encryptPersonalData(String(year), dataKey) };
}

/**
 * The member's own birthday with the year decrypted. Documents written before the year was encrypted carry it
 * in clear in `year`; they are read as they are and encrypted on the next birthday write.
 */
export function readBirthday(stored: StoredBirthday | null | undefined, dataKey: string): Birthday | null {
  if (!stored) return null;
  if (stored.yearCiphertext) return { month: stored.month, day: stored.day, year: Number(decryptPersonalData(stored.yearCiphertext, dataKey)) };
  return { month: stored.month, day: stored.day, year: typeof stored.year === 'number' ? stored.year : null };
}

/** Month and day only: what celebrations, windows and friends' views use; the year is never decrypted for them. */
export function celebratedBirthday(stored: StoredBirthday | null | undefined): Birthday | null {
  return stored ? { month: stored.month, day: stored.day, year: null } : null;
}
