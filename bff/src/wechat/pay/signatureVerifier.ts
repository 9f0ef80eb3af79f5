import { createPublicKey, createVerify, type KeyObject, type X509Certificate } from 'node:crypto';

export interface SignedHeaders {
  timestamp?: string;
  nonce?: string;
  signature?: string;
  serial?: string;
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing-headers' | 'stale-timestamp' | 'unknown-serial' | 'bad-signature' };

/** Reads the Wechatpay-* headers from node/Koa (lower-case) or fetch headers. */
export function signedHeaders(get: (name: string) => string | undefined): SignedHeaders {
  return {
    timestamp: get('wechatpay-timestamp'),
    nonce: get('wechatpay-nonce'),
    signature: get('wechatpay-signature'),
    serial: get('wechatpay-serial'),
  };
}

export interface VerifierOptions {
  /** WeChat Pay public-key mode: `PUB_KEY_ID_...` and its PEM. */
  publicKey?: { id: string; pem: string };
  platformCertificates?: X509Certificate[];
  /** Downloads the current platform certificates (GET /v3/certificates); called for a hex serial we do not know. */
  downloadCertificates?: () => Promise<X509Certificate[]>;
  now?: () => Date;
  toleranceSeconds?: number;
  /** At most one download per this interval, so forged serials cannot make us hammer WeChat Pay. */
  refreshIntervalMs?: number;
}

/**
 * Verifies WeChat Pay's signatures (answers and notifications): SHA256withRSA over `timestamp\nnonce\nbody\n`
 * with the key `Wechatpay-Serial` names (platform certificate or WeChat Pay public key), within 5 minutes.
 */
export class SignatureVerifier {
  private readonly keys = new Map<string, KeyObject>();
  private lastDownload = 0;
  private download?: Promise<void>;

  constructor(private readonly options: VerifierOptions) {
    if (options.publicKey) this.keys.set(options.publicKey.id, createPublicKey(options.publicKey.pem));
    for (const certificate of options.platformCertificates ?? []) this.trust(certificate);
  }

  trust(certificate: X509Certificate): void {
    this.keys.set(certificate.serialNumber.toUpperCase(), certificate.publicKey);
  }

  knows(serial: string): boolean {
    return this.keys.has(serial.toUpperCase()) || this.keys.has(serial);
  }

  async verify(headers: SignedHeaders, body: string): Promise<VerifyResult> {
    const { timestamp, nonce, signature, serial } = headers;
    if (!timestamp || !nonce || !signature || !serial) return { ok: false, reason: 'missing-headers' };
    const now = (this.options.now?.() ?? new Date()).getTime() / 1000;
    if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > (this.options.toleranceSeconds ?? 300)) {
      return { ok: false, reason: 'stale-timestamp' };
    }
    const key = await this.keyFor(serial);
    if (!key) return { ok: false, reason: 'unknown-serial' };
    return verifySignature(`${timestamp}\n${nonce}\n${body}\n`, signature, key) ? { ok: true } : { ok: false, reason: 'bad-signature' };
  }

  private async keyFor(serial: string): Promise<KeyObject | undefined> {
    const known = this.keys.get(serial) ?? this.keys.get(serial.toUpperCase());
    if (known || serial.startsWith('PUB_KEY_ID_') || !/^[0-9A-Fa-f]+$/.test(serial) || !this.options.downloadCertificates) return known;
    if (!this.download && Date.now() - this.lastDownload >= (this.options.refreshIntervalMs ?? 60_000)) {
      this.lastDownload = Date.now();
      const downloadCertificates = this.options.downloadCertificates;
      this.download = downloadCertificates()
        .then((certificates) => certificates.forEach((certificate) => this.trust(certificate)))
        .finally(() => {
          this.download = undefined;
        });
    }
    await this.download?.catch(() => undefined);
    return this.keys.get(serial.toUpperCase());
  }
}

export function verifySignature(message: string, signature: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(key, signature, 'base64');
  } catch {
    return false;
  }
}
