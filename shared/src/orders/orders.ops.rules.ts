import type { MallItemKind } from '../mall/mall.rules.js';
import type { OrderStatus } from './orders.rules.js';

/** Each state by its own name for ops (members see 处理中 for the first three). */
export const opsOrderStatusLabels: Record<OrderStatus, string> = {
  created: '已创建',
  points_held: '积分已扣',
  stock_reserved: '库存已锁定',
  awaiting_payment: '待支付',
  paid: '已支付，待发放',
  fulfilled: '已完成',
  cancelling: '取消中',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
};

/** The problems WeChat Pay or the order steps flag for ops (MallOrder.flags[].reason), in Chinese. */
export const orderFlagLabels: Record<string, string> = {
  amount_mismatch: '支付金额与订单不符',
  appid_mismatch: '支付通知的小程序不符',
  mchid_mismatch: '支付通知的商户号不符',
  out_trade_no_mismatch: '支付通知的订单号不符',
  paid_after_cancel: '订单取消后仍收到付款',
  refund_abnormal: '退款异常（如银行卡已注销）',
  refund_closed: '退款已关闭',
  refund_amount_mismatch: '退款通知金额与订单不符',
};

export const orderFlagLabel = (reason: string): string => orderFlagLabels[reason] ?? reason;

export interface RefundableOrder {
  status: OrderStatus;
  kind: MallItemKind;
  /** For a pickup order: whether it was written off at a store. */
  pickupUsed: boolean;
}

export type OpsRefundBlocker = 'already_refunded' | 'not_fulfilled' | 'used' | null;

/**
 * Whether ops may refund an order, and if not why. Ops may refund what the member may (a fulfilled order nothing
 * of which was used) and also a charity donation, which members cannot undo themselves. A written-off pickup is
 * consumed (a goodwill gesture is a points adjustment instead); a paid order not yet fulfilled is finished by the
 * sweeper first. A refund under way (refunding) may be pushed on again. Coupons are checked when claiming: one
 * written off meanwhile refuses the refund.
 */
export function opsRefundBlocker(order: RefundableOrder): OpsRefundBlocker {
  if (order.status === 'refunded') return 'already_refunded';
  if (order.status === 'refunding') return null;
  if (order.status !== 'fulfilled') return 'not_fulfilled';
  if (order.pickupUsed) return 'used';
  return null;
}
