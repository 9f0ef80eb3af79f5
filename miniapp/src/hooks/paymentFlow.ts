import { type Order } from '@cakeday/shared';
import { call } from '../api/client';
import { requestPayment, type WxPayParams } from '../platform/requestPayment';

/** States in which the order is still moving towards paid and fulfilled. */
const SETTLING: ReadonlySet<Order['status']> = new Set<Order['status']>(['created', 'points_held', 'stock_reserved', 'awaiting_payment', 'paid']);

export interface PaymentWaitOptions {
  attempts: number;
  intervalMs: number;
  sleep(ms: number): Promise<void>;
}

const defaults: PaymentWaitOptions = {
  attempts: 10,
  intervalMs: 1000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * After the pay sheet: the BFF asks WeChat Pay at once (orders.confirmPayment), then the order is read again
 * until it leaves the paying states; WeChat's notification may arrive a moment later.
 */
export async function waitForPayment(orderId: string, options: Partial<PaymentWaitOptions> = {}): Promise<Order> {
  const { attempts, intervalMs, sleep } = { ...defaults, ...options };
  let { order } = await call('orders.confirmPayment', { orderId });
  for (let attempt = 0; attempt < attempts && SETTLING.has(order.status); attempt += 1) {
    await sleep(intervalMs);
    ({ order } = await call('orders.get', { orderId }));
  }
  return order;
}

/** Opens the pay sheet; a member who closes it keeps the unpaid order (待支付) and may pay or cancel later. */
export async function payOrder(order: Order, payment: WxPayParams): Promise<Order> {
  const outcome = await requestPayment(payment);
  return outcome === 'cancelled' ? order : waitForPayment(order.id);
}
