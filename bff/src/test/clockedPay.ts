import type { Config } from '../config/config';
import type { PayTransaction, WechatPay } from '../wechat/types';

export interface ClockedPay extends WechatPay {
  /** The member pays the order now (by the test's clock): queries answer SUCCESS with that success_time. */
  pay(outTradeNo: string): void;
}

/**
 * WeChat Pay as the order commands see it, with payments made at the test clock's instant. For tests about what a
 * payment earns at a business time (a birthday month, a settings version in force) that the real sandbox, which
 * pays and signs on the wall clock, cannot reach. Signatures, notifications and refunds are tested against the
 * sandbox (usePaySandbox); a refund here fails like an unavailable WeChat Pay.
 */
export function clockedPay(config: Pick<Config, 'WECHAT_APPID' | 'WECHATPAY_MCHID'>, now: () => Date): ClockedPay {
  const orders = new Map<string, { amountFen: number; paidAt: Date | null }>();
  const unavailable = async (): Promise<never> => {
    throw new Error('clockedPay: not part of this fake');
  };
  return {
    async prepayJsapi(request) {
      if (!orders.has(request.outTradeNo)) orders.set(request.outTradeNo, { amountFen: request.amountFen, paidAt: null });
      const prepayId = `wx-clocked-${request.outTradeNo}`;
      return { prepayId, payment: { timeStamp: String(Math.floor(now().getTime() / 1000)), nonceStr: 'clocked', package: `prepay_id=${prepayId}`, signType: 'RSA', paySign: 'clocked' } };
    },
    async queryByOutTradeNo(outTradeNo): Promise<PayTransaction | null> {
      const order = orders.get(outTradeNo);
      if (!order) return null;
      return {
        appid: config.WECHAT_APPID,
        mchid: config.WECHATPAY_MCHID,
        outTradeNo,
        tradeState: order.paidAt ? 'SUCCESS' : 'NOTPAY',
        amountTotalFen: order.amountFen,
        ...(order.paidAt ? { transactionId: `T${outTradeNo}`, successTime: order.paidAt.toISOString() } : {}),
      };
    },
    async closeOrder() {},
    refund: unavailable,
    queryRefund: unavailable,
    parseNotification: unavailable,
    pay(outTradeNo) {
      const order = orders.get(outTradeNo);
      if (!order) throw new Error(`clockedPay: no prepay for ${outTradeNo}`);
      order.paidAt = now();
    },
  };
}
