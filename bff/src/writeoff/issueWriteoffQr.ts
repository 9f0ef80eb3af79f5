import { randomInt } from 'node:crypto';
import { toBusinessIso, WRITEOFF_CODE_RANDOM_DIGITS, writeoffCodeFrom, type QrToken } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { issueQrToken, QR_REFRESH_SECONDS, type QrSubject } from './qrToken';
import { WriteoffCodeModel } from './WriteoffCode.model';

const ATTEMPTS = 5;

function randomDigits(): string {
  return Array.from({ length: WRITEOFF_CODE_RANDOM_DIGITS }, () => String(randomInt(10))).join('');
}

/**
 * A write-off QR (the signed token) and the numeric code beside it, valid as long as the token. The code is the
 * subject's one code document, replaced: the previous code stops working when the page renews.
 */
export async function issueWriteoffQr(subject: QrSubject, id: string, now: Date, secret: string): Promise<QrToken> {
  const { token, expiresAt } = issueQrToken(subject, id, now, secret);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const code = writeoffCodeFrom(randomDigits());
    try {
      await WriteoffCodeModel.updateOne(
        { _id: `${subject}:${id}` },
        { $set: { code, subjectKind: subject, subjectId: new Types.ObjectId(id), expiresAt } },
        { upsert: true },
      );
      return { token, numericCode: code, expiresAt: toBusinessIso(expiresAt), refreshAfterSeconds: QR_REFRESH_SECONDS };
    } catch (error) {
      // The same digits as another subject's code (odds about 1 in 10^10 per live code): draw again.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new Error('no free write-off code after several draws');
}
