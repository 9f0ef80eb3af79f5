import { generateKeyPairSync, randomBytes, randomInt, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { selfSignedCertificate } from './der';

/**
 * Everything both sides of WeChat Pay hold. The merchant part (private key, serial, APIv3 key) belongs to the BFF;
 * the platform key and the WeChat Pay public key's private half stay inside the sandbox.
 */
export interface PayKeyMaterial {
  appid: string;
  mchid: string;
  /** 32 ASCII characters, used as the AES-256-GCM key. */
  apiV3Key: string;
  merchant: { serial: string; privateKeyPem: string; certificatePem: string };
  /** Platform-certificate mode: the certificate served (encrypted) by GET /v3/certificates, hex serial. */
  platform: { serial: string; privateKeyPem: string; certificatePem: string };
  /** WeChat Pay public-key mode: the merchant downloads pub_key.pem; responses carry `PUB_KEY_ID_...`. */
  wechatpayPublicKey: { id: string; privateKeyPem: string; publicKeyPem: string };
}

export const DEV_APPID = 'wx0000000000000000';
export const DEV_MCHID = '1900000109';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlphanumeric(size: number): string {
  return Array.from({ length: size }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}

function certificateSerial(): string {
  const bytes = randomBytes(20);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10;
  return bytes.toString('hex').toUpperCase();
}

function issue(commonName: string, organization: string, years: number): { serial: string; privateKeyPem: string; certificatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serial = certificateSerial();
  const notBefore = new Date(Date.now() - 86_400_000);
  const notAfter = new Date(notBefore.getTime() + years * 365 * 86_400_000);
  const certificatePem = selfSignedCertificate({ serialHex: serial, commonName, organization, publicKey, privateKey, notBefore, notAfter });
  // The serial WeChat reports is the certificate's own, upper-case hex.
  return { serial: new X509Certificate(certificatePem).serialNumber, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), certificatePem };
}

export function generatePayKeys(options: { appid?: string; mchid?: string; apiV3Key?: string } = {}): PayKeyMaterial {
  const mchid = options.mchid ?? DEV_MCHID;
  const publicKeyPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    appid: options.appid ?? DEV_APPID,
    mchid,
    apiV3Key: options.apiV3Key ?? randomAlphanumeric(32),
    merchant: issue(mchid, 'Cakeday sandbox merchant', 5),
    platform: issue('Tenpay.com sign', 'Tenpay.com', 5),
    wechatpayPublicKey: {
      id: `PUB_KEY_ID_${mchid.padStart(10, '0')}${Array.from({ length: 22 }, () => randomInt(10)).join('')}`,
      privateKeyPem: publicKeyPair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: publicKeyPair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
  };
}

/** File names inside the dev key folder, as the merchant console names them where it names them at all. */
export const DEV_KEY_FILES = {
  material: 'sandbox-keys.json',
  merchantKey: 'apiclient_key.pem',
  merchantCertificate: 'apiclient_cert.pem',
  publicKey: 'pub_key.pem',
  platformCertificate: 'wechatpay_platform_cert.pem',
} as const;

/**
 * The fixed development key set for `npm run dev`: generated once into `dir` (under .data/, never committed)
 * and reused, so the BFF and the sandbox agree across restarts.
 */
export function loadOrCreateDevPayKeys(dir: string, options: { appid?: string; mchid?: string } = {}): PayKeyMaterial {
  const file = path.join(dir, DEV_KEY_FILES.material);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PayKeyMaterial;
  const keys = generatePayKeys(options);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const write = (name: string, content: string): void => writeFileSync(path.join(dir, name), content, { mode: 0o600 });
  write(DEV_KEY_FILES.merchantKey, keys.merchant.privateKeyPem);
  write(DEV_KEY_FILES.merchantCertificate, keys.merchant.certificatePem);
  write(DEV_KEY_FILES.publicKey, keys.wechatpayPublicKey.publicKeyPem);
  write(DEV_KEY_FILES.platformCertificate, keys.platform.certificatePem);
  write(DEV_KEY_FILES.material, `${JSON.stringify(keys, null, 2)}\n`);
  return keys;
}

/**
 * The BFF's WECHATPAY_* settings for these keys (inline PEMs; for `npm run dev` the *_PATH variants can point at
 * the dev key folder instead). `notifyUrl` is where the sandbox should deliver notifications.
 */
export function bffPayEnv(keys: PayKeyMaterial, apiBase: string, mode: 'publicKey' | 'platformCertificate' = 'publicKey'): Record<string, string> {
  return {
    WECHAT_APPID: keys.appid,
    WECHATPAY_API_BASE: apiBase,
    WECHATPAY_MCHID: keys.mchid,
    WECHATPAY_MERCHANT_SERIAL: keys.merchant.serial,
    WECHATPAY_PRIVATE_KEY: keys.merchant.privateKeyPem,
    WECHATPAY_APIV3_KEY: keys.apiV3Key,
    ...(mode === 'publicKey' ? { WECHATPAY_PUBLIC_KEY_ID: keys.wechatpayPublicKey.id, WECHATPAY_PUBLIC_KEY: keys.wechatpayPublicKey.publicKeyPem } : {}),
  };
}
