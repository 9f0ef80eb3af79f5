import type { Config } from '../config/config';
import type { Logger } from '../logger';
import type { MemberQueue } from '../points/memberQueue';
import type { MallOrder } from './MallOrder.model';
import type { WechatPay } from '../wechat/types';

/** What the order commands need from outside; handlers and jobs build it from AppDeps. */
export interface OrderContext {
  now: Date;
  config: Config;
  pay: WechatPay;
  /** Where the jobs report an order they could not move on (it is retried; the failure must not vanish). */
  logger: Logger;
  queue?: MemberQueue;
  /** Test seam: simulates a crash right after a state or step (the callback throws). Never set in production. */
  faults?: OrderFaults;
}

/** The points where a crash can leave an order half way; tests throw there and let the sweeper finish. */
export type OrderFaultPoint =
  | 'created'
  | 'limit_counted'
  | 'points_held'
  | 'stock_reserved'
  | 'awaiting_payment'
  | 'paid'
  | 'certificate_issued'
  | 'delivered'
  | 'cancelling'
  | 'stock_released'
  | 'refunding'
  | 'points_returned';

export interface OrderFaults {
  after?: (point: OrderFaultPoint) => void;
}

export const crashPoint = (context: OrderContext, point: OrderFaultPoint): void => context.faults?.after?.(point);

export const pointsSpendKey = (orderId: string): string => `mall-order:${orderId}`;
export const pointsReturnKey = (orderId: string): string => `mall-order-return:${orderId}`;
export const pointsEarnKey = (orderId: string): string => `mall-order-earn:${orderId}`;
export const pointsClawbackKey = (orderId: string): string => `mall-order-clawback:${orderId}`;
export const paidSpendKey = (orderId: string): string => `mall-order-paid:${orderId}`;
export const refundSpendKey = (orderId: string): string => `mall-order-refund:${orderId}`;
export const outRefundNo = (orderNo: string): string => `R${orderNo}`;

/** An order's coupons come from a redemption, or, when a friend bought it for the member, as a gift. */
export const couponSourceOf = (order: Pick<MallOrder, 'recipientMemberId'>): 'redemption' | 'gift' => (order.recipientMemberId ? 'gift' : 'redemption');
