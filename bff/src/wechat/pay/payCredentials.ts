import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config } from '../../config/config';

export interface PayCredentials {
  appid: string;
  mchid: string;
  merchantSerial: string;
  privateKeyPem: string;
  apiV3Key: string;
  publicKey?: { id: string; pem: string };
  platformCertificates: X509Certificate[];
  notifyUrl: string;
}

export class PayNotConfiguredError extends Error {}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function pem(inline: string | undefined, path: string | undefined, what: string): string | undefined {
  if (inline) return inline.replace(/\\n/g, '\n');
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new PayNotConfiguredError(`${what}: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** WeChat Pay's merchant credentials from the configuration; throws PayNotConfiguredError naming what is missing. */
export function loadPayCredentials(config: Config): PayCredentials {
  const privateKeyPem = pem(config.WECHATPAY_PRIVATE_KEY, config.WECHATPAY_PRIVATE_KEY_PATH, 'WECHATPAY_PRIVATE_KEY_PATH');
  if (!privateKeyPem || !config.WECHATPAY_MERCHANT_SERIAL) {
    throw new PayNotConfiguredError('WeChat Pay needs WECHATPAY_MERCHANT_SERIAL and WECHATPAY_PRIVATE_KEY or WECHATPAY_PRIVATE_KEY_PATH');
  }
  const publicKeyPem = pem(config.WECHATPAY_PUBLIC_KEY, config.WECHATPAY_PUBLIC_KEY_PATH, 'WECHATPAY_PUBLIC_KEY_PATH');
  if (config.WECHATPAY_PUBLIC_KEY_ID && !publicKeyPem) throw new PayNotConfiguredError('WECHATPAY_PUBLIC_KEY_ID needs WECHATPAY_PUBLIC_KEY or WECHATPAY_PUBLIC_KEY_PATH');
  const certificates = pem(undefined, config.WECHATPAY_PLATFORM_CERT_PATH, 'WECHATPAY_PLATFORM_CERT_PATH') ?? '';
  return {
    appid: config.WECHAT_APPID,
    mchid: config.WECHATPAY_MCHID,
    merchantSerial: config.WECHATPAY_MERCHANT_SERIAL.toUpperCase(),
    privateKeyPem,
    apiV3Key: config.WECHATPAY_APIV3_KEY,
    publicKey: config.WECHATPAY_PUBLIC_KEY_ID && publicKeyPem ? { id: config.WECHATPAY_PUBLIC_KEY_ID, pem: publicKeyPem } : undefined,
    platformCertificates: (certificates.match(CERTIFICATE_BLOCK) ?? []).map((block) => new X509Certificate(block)),
    notifyUrl: config.WECHATPAY_NOTIFY_URL ?? new URL('/wechat/pay/notify', config.PUBLIC_BASE_URL).toString(),
  };
}
