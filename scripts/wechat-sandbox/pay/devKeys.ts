import path from 'node:path';
import { DEV_KEY_FILES, loadOrCreateDevPayKeys } from './keys';

/**
 * `tsx scripts/wechat-sandbox/pay/devKeys.ts [dir]`: creates (once) the development WeChat Pay key set in
 * .data/wechatpay-dev/ and prints the BFF settings that match the sandbox started with the same keys.
 */
const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '../../../.data/wechatpay-dev'));
const keys = loadOrCreateDevPayKeys(dir);
console.log(`WeChat Pay dev keys in ${dir} (never commit them):`);
console.log(
  [
    `WECHATPAY_MCHID=${keys.mchid}`,
    `WECHATPAY_MERCHANT_SERIAL=${keys.merchant.serial}`,
    `WECHATPAY_PRIVATE_KEY_PATH=${path.join(dir, DEV_KEY_FILES.merchantKey)}`,
    `WECHATPAY_APIV3_KEY=${keys.apiV3Key}`,
    `WECHATPAY_PUBLIC_KEY_ID=${keys.wechatpayPublicKey.id}`,
    `WECHATPAY_PUBLIC_KEY_PATH=${path.join(dir, DEV_KEY_FILES.publicKey)}`,
    `# platform-certificate mode: ${keys.platform.serial} (${path.join(dir, DEV_KEY_FILES.platformCertificate)}, also served by /v3/certificates)`,
  ].join('\n'),
);
