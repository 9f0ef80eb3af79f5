/**
 * The order state machine. Forward: created → points_held → stock_reserved → (awaiting_payment → paid →)
 * fulfilled. Compensation: any state before fulfilled → cancelling → cancelled (stock restored, points returned,
 * prepay closed); paid or fulfilled-and-unused → refunding → refunded. Every step is idempotent, so the sweeper
 * can push a stuck order on or back.
 */
export const ORDER_STATUSES = [
  'created',
  'points_held',
  'stock_reserved',
  'awaiting_payment',
  'paid',
  'fulfilled',
  'cancelling',
  'cancelled',
  'refunding',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TERMINAL_ORDER_STATUSES: readonly OrderStatus[] = ['fulfilled', 'cancelled', 'refunded'];

export type OrderTone = 'info' | 'warning' | 'success' | 'muted' | 'danger';

export const orderStatusDisplay: Record<OrderStatus, { label: string; tone: OrderTone }> = {
  created: { label: '处理中', tone: 'info' },
  points_held: { label: '处理中', tone: 'info' },
  stock_reserved: { label: '处理中', tone: 'info' },
  awaiting_payment: { label: '待支付', tone: 'warning' },
  paid: { label: '已支付，处理中', tone: 'info' },
  fulfilled: { label: '兑换成功', tone: 'success' },
  cancelling: { label: '取消中', tone: 'muted' },
  cancelled: { label: '已取消', tone: 'muted' },
  refunding: { label: '退款中', tone: 'warning' },
  refunded: { label: '已退款', tone: 'muted' },
};

/** Unpaid orders close after this long. */
export const ORDER_PAYMENT_WINDOW_MINUTES = 15;

export const CANCEL_REASONS = ['member', 'payment_timeout', 'payment_closed', 'failed'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const cancelReasonLabels: Record<CancelReason, string> = {
  member: '你已取消订单',
  payment_timeout: '超时未支付，订单已关闭',
  payment_closed: '支付已关闭',
  failed: '兑换未成功，积分已退回',
};
