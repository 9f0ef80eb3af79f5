import { z } from 'zod';
import type { PayRefund, PayTransaction } from '../types';

/** The WeChat Pay v3 JSON the adapter reads (query answers and decrypted notification resources); extra fields pass. */
export const transactionResource = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.enum(['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR']),
  success_time: z.string().optional(),
  payer: z.object({ openid: z.string().optional() }).optional(),
  amount: z.object({ total: z.number().int() }),
});

export const refundResource = z.object({
  out_trade_no: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  /** `status` in refund answers, `refund_status` in refund notifications. */
  status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']).optional(),
  refund_status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']).optional(),
  amount: z.object({ refund: z.number().int() }),
});

export function toTransaction(resource: z.infer<typeof transactionResource>): PayTransaction {
  return {
    appid: resource.appid,
    mchid: resource.mchid,
    outTradeNo: resource.out_trade_no,
    transactionId: resource.transaction_id || undefined,
    tradeState: resource.trade_state,
    amountTotalFen: resource.amount.total,
    payerOpenid: resource.payer?.openid,
    successTime: resource.success_time,
  };
}

export function toRefund(resource: z.infer<typeof refundResource>): PayRefund {
  const status = resource.status ?? resource.refund_status;
  if (!status) throw new Error('refund without status');
  return { outTradeNo: resource.out_trade_no, outRefundNo: resource.out_refund_no, refundId: resource.refund_id, status, refundFen: resource.amount.refund };
}

/** What wechatpay-node-v3's transactions_jsapi puts in `data` after a 200: the signed wx.requestPayment params. */
export const paymentParams = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string().startsWith('prepay_id='),
  signType: z.literal('RSA'),
  paySign: z.string().min(1),
});
