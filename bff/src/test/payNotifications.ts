import { randomUUID } from 'node:crypto';
import type { PayKeyMaterial } from '../../../scripts/wechat-sandbox/pay';
import { randomAlphanumeric } from '../../../scripts/wechat-sandbox/pay/keys';
import { beijingTime } from '../../../scripts/wechat-sandbox/beijingTime';
import { encryptResource, responseMessage, signSha256Rsa, SIGNATURE_TYPE } from '../../../scripts/wechat-sandbox/pay/signing';

export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
}

/**
 * A WeChat Pay notification built and signed in the test with the sandbox's keys, for what the sandbox cannot be
 * asked to send (an amount that differs from the order's, a refund the sandbox never made). `signingKeyPem`
 * signs with another key (a forgery); `signedAt` backdates Wechatpay-Timestamp (stale).
 */
export function signedPayNotification(
  keys: PayKeyMaterial,
  input: { eventType: string; originalType: 'transaction' | 'refund'; resource: Record<string, unknown>; signedAt?: Date; signingKeyPem?: string },
): SignedNotification {
  const now = new Date();
  const body = JSON.stringify({
    id: randomUUID(),
    create_time: beijingTime(now),
    resource_type: 'encrypt-resource',
    event_type: input.eventType,
    summary: input.eventType.startsWith('REFUND.') ? '退款成功' : '支付成功',
    resource: { original_type: input.originalType, ...encryptResource(JSON.stringify(input.resource), keys.apiV3Key, input.originalType) },
  });
  const timestamp = String(Math.floor((input.signedAt ?? now).getTime() / 1000));
  const nonce = randomAlphanumeric(32);
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signSha256Rsa(responseMessage(timestamp, nonce, body), input.signingKeyPem ?? keys.wechatpayPublicKey.privateKeyPem),
      'Wechatpay-Serial': keys.wechatpayPublicKey.id,
      'Wechatpay-Signature-Type': SIGNATURE_TYPE,
      'Request-ID': randomUUID(),
    },
  };
}

/** A TRANSACTION.SUCCESS resource for an order as WeChat Pay presents it; `amountFen` may differ from the order's. */
export function paidTransactionResource(keys: PayKeyMaterial, input: { outTradeNo: string; amountFen: number; openid: string }): Record<string, unknown> {
  return {
    appid: keys.appid,
    mchid: keys.mchid,
    out_trade_no: input.outTradeNo,
    transaction_id: `42000${Date.now()}${randomAlphanumeric(6).replace(/\D/g, '0')}`,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    success_time: beijingTime(new Date()),
    attach: '',
    payer: { openid: input.openid },
    amount: { total: input.amountFen, payer_total: input.amountFen, currency: 'CNY', payer_currency: 'CNY' },
  };
}

/** A REFUND.SUCCESS resource for the order's refund number. */
export function refundSuccessResource(keys: PayKeyMaterial, input: { outTradeNo: string; outRefundNo: string; amountFen: number }): Record<string, unknown> {
  return {
    mchid: keys.mchid,
    out_trade_no: input.outTradeNo,
    transaction_id: `42000${Date.now()}`,
    out_refund_no: input.outRefundNo,
    refund_id: `50300${Date.now()}`,
    refund_status: 'SUCCESS',
    success_time: beijingTime(new Date()),
    user_received_account: '支付用户零钱',
    amount: { total: input.amountFen, refund: input.amountFen, payer_total: input.amountFen, payer_refund: input.amountFen },
  };
}
