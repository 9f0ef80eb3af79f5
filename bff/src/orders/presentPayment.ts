import { toBusinessIso, type PaymentRequest } from '@cakeday/shared';
import type { MallOrder } from './MallOrder.model';

export function presentPayment(order: MallOrder): PaymentRequest | null {
  if (order.status !== 'awaiting_payment' || !order.prepay) return null;
  return { ...order.prepay.params, outTradeNo: order.orderNo, expiresAt: toBusinessIso(order.prepay.expiresAt) };
}
