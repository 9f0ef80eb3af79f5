import { randomInt } from 'node:crypto';
import { beijingTime } from '../beijingTime';
import { fingerprint, type Body } from './validation';

/** A WeChat Pay v3 error answer: HTTP status and `{ code, message, detail? }`. */
export class PayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export type OrderState = 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED';
export type RefundState = 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

export interface Order {
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  notifyUrl: string;
  attach?: string;
  totalFen: number;
  payerOpenid: string;
  timeExpire?: Date;
  fingerprint: string;
  prepayId: string;
  prepayIssuedAt: Date;
  state: OrderState;
  closedReason?: 'merchant' | 'expired';
  transactionId?: string;
  successTime?: Date;
}

export interface Refund {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  transactionId: string;
  notifyUrl?: string;
  reason?: string;
  refundFen: number;
  totalFen: number;
  status: RefundState;
  createdAt: Date;
  successTime?: Date;
  fingerprint: string;
}

const STATE_DESC: Record<OrderState, string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  REFUND: '订单发生过退款',
  CLOSED: '订单已关闭',
};

const digits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');
const compactTime = (date: Date): string => beijingTime(date).slice(0, 19).replace(/[-:T]/g, '');

/** Orders and refunds of one merchant, and their state machines. `now` drives expiry. */
export class PayLedger {
  readonly orders = new Map<string, Order>();
  readonly refunds = new Map<string, Refund>();

  constructor(
    private readonly now: () => Date,
    private readonly prepayLifetimeMs: number,
  ) {}

  /** JSAPI prepay: the same content gets the same (still valid) prepay_id back; other content is OUT_TRADE_NO_USED. */
  prepay(body: Body): Order {
    const outTradeNo = body.out_trade_no as string;
    const print = fingerprint(body);
    const existing = this.order(outTradeNo);
    const now = this.now();
    if (existing) {
      if (existing.fingerprint !== print) throw new PayApiError(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') throw new PayApiError(400, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') throw new PayApiError(400, 'ORDER_CLOSED', '订单已关闭');
      if (now.getTime() - existing.prepayIssuedAt.getTime() >= this.prepayLifetimeMs) {
        existing.prepayId = this.newPrepayId(now);
        existing.prepayIssuedAt = now;
      }
      return existing;
    }
    const amount = body.amount as Body;
    const payer = body.payer as Body;
    const order: Order = {
      appid: body.appid as string,
      mchid: body.mchid as string,
      outTradeNo,
      description: body.description as string,
      notifyUrl: body.notify_url as string,
      attach: body.attach as string | undefined,
      totalFen: amount.total as number,
      payerOpenid: payer.openid as string,
      timeExpire: typeof body.time_expire === 'string' ? new Date(body.time_expire) : undefined,
      fingerprint: print,
      prepayId: this.newPrepayId(now),
      prepayIssuedAt: now,
      state: 'NOTPAY',
    };
    this.orders.set(outTradeNo, order);
    return order;
  }

  /** The order with lazy expiry applied: an unpaid order past time_expire is closed. */
  order(outTradeNo: string): Order | undefined {
    const order = this.orders.get(outTradeNo);
    if (order?.state === 'NOTPAY' && order.timeExpire && order.timeExpire.getTime() <= this.now().getTime()) {
      order.state = 'CLOSED';
      order.closedReason = 'expired';
    }
    return order;
  }

  orderByPrepayId(prepayId: string): Order | undefined {
    for (const order of this.orders.values()) if (order.prepayId === prepayId) return this.order(order.outTradeNo);
    return undefined;
  }

  requireOrder(outTradeNo: string): Order {
    const order = this.order(outTradeNo);
    if (!order) throw new PayApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return order;
  }

  close(outTradeNo: string): void {
    const order = this.requireOrder(outTradeNo);
    if (order.state === 'SUCCESS' || order.state === 'REFUND') throw new PayApiError(400, 'ORDERPAID', '订单已支付，不能关闭');
    if (order.state === 'NOTPAY') {
      order.state = 'CLOSED';
      order.closedReason = 'merchant';
    }
  }

  /** What the payer's successful wx.requestPayment does. */
  pay(order: Order): Order {
    const current = this.requireOrder(order.outTradeNo);
    if (current.state !== 'NOTPAY') throw new PayApiError(400, current.state === 'CLOSED' ? 'ORDER_CLOSED' : 'ORDERPAID', `订单状态为${current.state}，不能支付`);
    const now = this.now();
    current.state = 'SUCCESS';
    current.transactionId = `42000${compactTime(now).slice(0, 8)}${digits(15)}`;
    current.successTime = now;
    return current;
  }

  /** Refund request; the same out_refund_no with the same content returns the same refund. */
  refund(body: Body, defaultNotifyUrl: (order: Order) => string | undefined): Refund {
    const outRefundNo = body.out_refund_no as string;
    const print = fingerprint(body);
    const existing = this.refunds.get(outRefundNo);
    if (existing) {
      if (existing.fingerprint !== print) throw new PayApiError(400, 'INVALID_REQUEST', '退款单号已存在，但请求参数与原退款不一致');
      return existing;
    }
    const order =
      typeof body.out_trade_no === 'string'
        ? this.order(body.out_trade_no)
        : [...this.orders.values()].find((candidate) => candidate.transactionId === body.transaction_id);
    if (!order) throw new PayApiError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND') throw new PayApiError(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    const amount = body.amount as Body;
    if (amount.total !== order.totalFen) throw new PayApiError(400, 'INVALID_REQUEST', '订单金额与原订单金额不一致');
    const refunded = [...this.refunds.values()]
      .filter((refund) => refund.outTradeNo === order.outTradeNo && (refund.status === 'SUCCESS' || refund.status === 'PROCESSING'))
      .reduce((sum, refund) => sum + refund.refundFen, 0);
    if (refunded + (amount.refund as number) > order.totalFen) throw new PayApiError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const now = this.now();
    const refund: Refund = {
      refundId: `50000${compactTime(now).slice(0, 8)}${digits(16)}`,
      outRefundNo,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId ?? '',
      notifyUrl: (body.notify_url as string | undefined) ?? defaultNotifyUrl(order),
      reason: body.reason as string | undefined,
      refundFen: amount.refund as number,
      totalFen: order.totalFen,
      status: 'PROCESSING',
      createdAt: now,
      fingerprint: print,
    };
    this.refunds.set(outRefundNo, refund);
    return refund;
  }

  requireRefund(outRefundNo: string): Refund {
    const refund = this.refunds.get(outRefundNo);
    if (!refund) throw new PayApiError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return refund;
  }

  /** PROCESSING -> SUCCESS / ABNORMAL / CLOSED; a refund that succeeded marks its order REFUND. */
  settleRefund(outRefundNo: string, status: Exclude<RefundState, 'PROCESSING'>): Refund {
    const refund = this.requireRefund(outRefundNo);
    if (refund.status !== 'PROCESSING') throw new PayApiError(400, 'INVALID_REQUEST', `退款状态为${refund.status}，不能再变更`);
    refund.status = status;
    if (status === 'SUCCESS') {
      refund.successTime = this.now();
      const order = this.orders.get(refund.outTradeNo);
      if (order) order.state = 'REFUND';
    }
    return refund;
  }

  private newPrepayId(now: Date): string {
    return `wx${compactTime(now)}${digits(20)}`;
  }
}

export function presentTransaction(order: Order): Record<string, unknown> {
  const paid = order.state === 'SUCCESS' || order.state === 'REFUND';
  return {
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.outTradeNo,
    ...(order.transactionId ? { transaction_id: order.transactionId } : {}),
    trade_type: 'JSAPI',
    trade_state: order.state,
    trade_state_desc: order.closedReason === 'expired' ? '订单已超时关闭' : STATE_DESC[order.state],
    ...(paid ? { bank_type: 'OTHERS', success_time: beijingTime(order.successTime ?? new Date()) } : {}),
    attach: order.attach ?? '',
    payer: { openid: order.payerOpenid },
    amount: paid
      ? { total: order.totalFen, payer_total: order.totalFen, currency: 'CNY', payer_currency: 'CNY' }
      : { total: order.totalFen, currency: 'CNY', payer_currency: 'CNY' },
  };
}

export function presentRefund(refund: Refund): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successTime ? { success_time: beijingTime(refund.successTime) } : {}),
    create_time: beijingTime(refund.createdAt),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      from: [],
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
      settlement_refund: refund.refundFen,
      settlement_total: refund.totalFen,
      discount_refund: 0,
      currency: 'CNY',
    },
    promotion_detail: [],
  };
}

/** The decrypted resource of a refund notification. */
export function presentRefundNotice(refund: Refund, mchid: string): Record<string, unknown> {
  return {
    mchid,
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: refund.status,
    ...(refund.successTime ? { success_time: beijingTime(refund.successTime) } : {}),
    user_received_account: '支付用户零钱',
    amount: { total: refund.totalFen, refund: refund.refundFen, payer_total: refund.totalFen, payer_refund: refund.refundFen },
  };
}
