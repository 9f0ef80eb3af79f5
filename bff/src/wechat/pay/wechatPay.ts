import { randomBytes } from 'node:crypto';
import { toBusinessIso } from '@cakeday/shared';
import WxPay from 'wechatpay-node-v3';
import type { Output } from 'wechatpay-node-v3/dist/lib/interface-v2';
import type { z } from 'zod';
import type { Config } from '../../config/config';
import { internal } from '../../errors/AppError';
import type { JsapiPrepayRequest, PayRefund, PayTransaction, WechatPay } from '../types';
import { downloadPlatformCertificates } from './certificates';
import { parsePayNotification } from './notification';
import { loadPayCredentials, PayNotConfiguredError, type PayCredentials } from './payCredentials';
import { wechatPayError, wechatPayResponseInvalid, type PayOperation } from './payError';
import { paymentParams, refundResource, toRefund, toTransaction, transactionResource } from './payResources';
import { createPayHttpService, createSendRaw } from './payTransport';
import { SignatureVerifier } from './signatureVerifier';

interface PayClient {
  credentials: PayCredentials;
  sdk: WxPay;
  verifier: SignatureVerifier;
}

function codeOf(output: Output): string | undefined {
  const body: unknown = output.data;
  return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string' ? body.code : undefined;
}

function errorOf(operation: PayOperation, output: Output): never {
  const body: unknown = output.data;
  const code = codeOf(output) ?? `HTTP_${output.status}`;
  const message = typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : undefined;
  throw wechatPayError(operation, output.status, code, message);
}

function parseAnswer<T extends z.ZodType>(operation: PayOperation, schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw wechatPayResponseInvalid(operation, 'unexpected answer shape');
  return parsed.data;
}

function build(config: Config, now: () => Date): PayClient {
  const credentials = loadPayCredentials(config);
  const sdk = new WxPay({
    appid: credentials.appid,
    mchid: credentials.mchid,
    serial_no: credentials.merchantSerial,
    // The library reads the merchant certificate only to derive serial_no, which is configured instead.
    publicKey: Buffer.from(''),
    privateKey: Buffer.from(credentials.privateKeyPem),
    key: credentials.apiV3Key,
    userAgent: 'cakeday-bff',
  });
  const sendRaw = createSendRaw(config.WECHATPAY_API_BASE);
  const authorize = (method: 'GET', canonicalUrl: string): string => {
    const nonce = randomBytes(16).toString('hex');
    const timestamp = String(Math.floor(Date.now() / 1000));
    return sdk.getAuthorization(nonce, timestamp, sdk.getSignature(method, nonce, timestamp, canonicalUrl));
  };
  const verifier: SignatureVerifier = new SignatureVerifier({
    publicKey: credentials.publicKey,
    platformCertificates: credentials.platformCertificates,
    downloadCertificates: () => downloadPlatformCertificates(sendRaw, authorize, credentials.apiV3Key, () => verifier),
    now,
  });
  sdk.createHttp(createPayHttpService(sendRaw, verifier));
  return { credentials, sdk, verifier };
}

/**
 * WeChat Pay v3 over wechatpay-node-v3 (request signing, paySign) with our own transport (WECHATPAY_API_BASE,
 * answer signatures) and our own notification verifier. Keys load on first use, so a BFF without pay keys still starts.
 */
export function createWechatPay(config: Config, options: { now?: () => Date } = {}): WechatPay {
  let client: PayClient | undefined;
  const use = (): PayClient => {
    try {
      client ??= build(config, options.now ?? (() => new Date()));
      return client;
    } catch (error) {
      if (error instanceof PayNotConfiguredError) throw internal(error);
      throw error;
    }
  };

  return {
    async prepayJsapi(request: JsapiPrepayRequest) {
      const { sdk, credentials } = use();
      const output = await sdk.transactions_jsapi({
        description: request.description,
        out_trade_no: request.outTradeNo,
        notify_url: credentials.notifyUrl,
        amount: { total: request.amountFen, currency: 'CNY' },
        payer: { openid: request.payerOpenid },
        // WeChat Pay writes times in Beijing time, which is our business time.
        ...(request.expiresAt ? { time_expire: toBusinessIso(request.expiresAt) } : {}),
        ...(request.attach ? { attach: request.attach } : {}),
      });
      if (output.status !== 200) errorOf('prepay', output);
      const payment = parseAnswer('prepay', paymentParams, output.data);
      return {
        prepayId: payment.package.slice('prepay_id='.length),
        payment: { timeStamp: payment.timeStamp, nonceStr: payment.nonceStr, package: payment.package, signType: 'RSA', paySign: payment.paySign },
      };
    },

    async queryByOutTradeNo(outTradeNo: string): Promise<PayTransaction | null> {
      const output = await use().sdk.query({ out_trade_no: outTradeNo });
      if (output.status === 404 && ['ORDER_NOT_EXIST', 'ORDERNOTEXIST'].includes(codeOf(output) ?? '')) return null;
      if (output.status !== 200) errorOf('query', output);
      return toTransaction(parseAnswer('query', transactionResource, output.data));
    },

    async closeOrder(outTradeNo: string): Promise<void> {
      const output = await use().sdk.close(outTradeNo);
      if (output.status !== 204 && output.status !== 200) errorOf('close', output);
    },

    async refund(request): Promise<PayRefund> {
      const { sdk, credentials } = use();
      const output = await sdk.refunds({
        out_trade_no: request.outTradeNo,
        out_refund_no: request.outRefundNo,
        notify_url: credentials.notifyUrl,
        amount: { refund: request.refundFen, total: request.totalFen, currency: 'CNY' },
        ...(request.reason ? { reason: request.reason } : {}),
      });
      if (output.status !== 200) errorOf('refund', output);
      return toRefund(parseAnswer('refund', refundResource, output.data));
    },

    async queryRefund(outRefundNo: string): Promise<PayRefund | null> {
      const output = await use().sdk.find_refunds(outRefundNo);
      if (output.status === 404 && codeOf(output) === 'RESOURCE_NOT_EXISTS') return null;
      if (output.status !== 200) errorOf('refundQuery', output);
      return toRefund(parseAnswer('refundQuery', refundResource, output.data));
    },

    async parseNotification(headers, rawBody) {
      const { verifier, credentials } = use();
      return parsePayNotification(verifier, credentials, headers, rawBody);
    },
  };
}
