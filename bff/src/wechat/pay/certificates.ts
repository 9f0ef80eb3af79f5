import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { WechatPayError, wechatPayError, wechatPayResponseInvalid } from './payError';
import { decryptResource } from './resourceCipher';
import { SignatureVerifier, signedHeaders } from './signatureVerifier';
import type { SendRaw } from './payTransport';

const certificatesAnswer = z.object({
  data: z.array(
    z.object({
      serial_no: z.string(),
      encrypt_certificate: z.object({ ciphertext: z.string(), nonce: z.string(), associated_data: z.string().optional() }),
    }),
  ),
});

/**
 * GET /v3/certificates (platform-certificate mode). Each certificate is AES-GCM-authenticated with the APIv3 key,
 * which only WeChat Pay and we hold; the answer's own signature must then verify with one of them (or a key we
 * already trust), as WeChat's SDKs do on first download.
 */
export async function downloadPlatformCertificates(
  sendRaw: SendRaw,
  authorize: (method: 'GET', canonicalUrl: string) => string,
  apiV3Key: string,
  verifier: () => SignatureVerifier,
): Promise<X509Certificate[]> {
  const canonicalUrl = '/v3/certificates';
  const response = await sendRaw('GET', canonicalUrl, { Accept: 'application/json', Authorization: authorize('GET', canonicalUrl) });
  let body: z.infer<typeof certificatesAnswer>;
  try {
    const parsed: unknown = JSON.parse(response.text);
    if (response.status !== 200) {
      const error = z.object({ code: z.string(), message: z.string().optional() }).parse(parsed);
      throw wechatPayError('certificates', response.status, error.code, error.message);
    }
    body = certificatesAnswer.parse(parsed);
  } catch (error) {
    if (error instanceof WechatPayError) throw error;
    throw wechatPayResponseInvalid('certificates', `unreadable answer (HTTP ${response.status})`);
  }
  const certificates = body.data.map((entry) => {
    const certificate = new X509Certificate(decryptResource(entry.encrypt_certificate, apiV3Key));
    if (certificate.serialNumber.toUpperCase() !== entry.serial_no.toUpperCase()) throw wechatPayResponseInvalid('certificates', 'serial mismatch');
    return certificate;
  });
  const headers = signedHeaders((name) => response.headers.get(name) ?? undefined);
  const fresh = new SignatureVerifier({ platformCertificates: certificates });
  // Only a serial the main verifier already knows: an unknown one would make it wait for this very download.
  const checker = fresh.knows(headers.serial ?? '') ? fresh : verifier().knows(headers.serial ?? '') ? verifier() : undefined;
  const result = checker && (await checker.verify(headers, response.text));
  if (!result?.ok) throw wechatPayResponseInvalid('certificates', `answer signature: ${result ? result.reason : 'unknown-serial'}`);
  return certificates;
}
