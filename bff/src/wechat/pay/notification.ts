import { z } from 'zod';
import type { PayNotification } from '../types';
import { payNotificationInvalid } from './payError';
import { refundResource, toRefund, toTransaction, transactionResource } from './payResources';
import { decryptResource } from './resourceCipher';
import { signedHeaders, type SignatureVerifier } from './signatureVerifier';

const envelope = z.object({
  id: z.string().min(1),
  event_type: z.string(),
  resource_type: z.literal('encrypt-resource'),
  resource: z.object({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    original_type: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
  }),
});

export type NotificationHeaders = Record<string, string | string[] | undefined>;

function header(headers: NotificationHeaders, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A WeChat Pay notification, trusted only after the signature over the raw body verifies (key chosen by
 * Wechatpay-Serial, timestamp within 5 minutes) and the resource decrypts with the APIv3 key; belongs to `mchid`.
 */
export async function parsePayNotification(
  verifier: SignatureVerifier,
  credentials: { apiV3Key: string; mchid: string; appid: string },
  headers: NotificationHeaders,
  rawBody: string,
): Promise<PayNotification> {
  const verified = await verifier.verify(signedHeaders((name) => header(headers, name)), rawBody);
  if (!verified.ok) throw payNotificationInvalid(verified.reason);
  let parsed: z.infer<typeof envelope>;
  let plaintext: string;
  try {
    parsed = envelope.parse(JSON.parse(rawBody));
    plaintext = decryptResource(parsed.resource, credentials.apiV3Key);
  } catch {
    throw payNotificationInvalid('undecryptable resource');
  }
  try {
    const resource: unknown = JSON.parse(plaintext);
    if (parsed.event_type.startsWith('TRANSACTION.')) {
      const transaction = toTransaction(transactionResource.parse(resource));
      if (transaction.mchid !== credentials.mchid || transaction.appid !== credentials.appid) throw new Error('another merchant');
      return { id: parsed.id, kind: 'transaction', transaction };
    }
    if (parsed.event_type.startsWith('REFUND.')) {
      const refund = refundResource.extend({ mchid: z.string() }).parse(resource);
      if (refund.mchid !== credentials.mchid) throw new Error('another merchant');
      return { id: parsed.id, kind: 'refund', refund: toRefund(refund) };
    }
  } catch {
    throw payNotificationInvalid('unexpected resource');
  }
  throw payNotificationInvalid(`unsupported event ${parsed.event_type}`);
}
