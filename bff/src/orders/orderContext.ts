import type { Config } from '../config/config';
import type { Logger } from '../logger';
import type { MemberQueue } from '../points/memberQueue';
import type { SettingsSnapshot, SettingsSource } from '../settings/settingsSource';
import type { MallOrder } from './MallOrder.model';
import type { WechatPay } from '../wechat/types';

/** What the order commands need from outside; handlers and jobs build it from AppDeps (orderContextFrom). */
export interface OrderContext {
  now: Date;
  /**
   * The program settings in force at `now`, read once per command like `now`: a new order records its version,
   * and tier changes go by them. What an order earns goes by the version it was placed under (settingsOfOrder).
   */
  settings: SettingsSnapshot;
  /** Where an order's own settings version is read from. */
  settingsSource: Pick<SettingsSource, 'version'>;
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
  | 'coupon_held'
  | 'points_held'
  | 'stock_reserved'
  | 'awaiting_payment'
  | 'paid'
  | 'certificate_issued'
  | 'coupon_used'
  | 'delivered'
  | 'cancelling'
  | 'stock_released'
  | 'coupon_released'
  | 'refunding'
  | 'points_returned'
  | 'coupon_restored';

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

/**
 * The settings an order was placed under: it earns by them however much later it is paid or fulfilled. An order
 * placed before orders recorded their version earns by the settings in force.
 */
export async function settingsOfOrder(order: Pick<MallOrder, 'settingsVersion'>, context: OrderContext): Promise<SettingsSnapshot> {
  const version = order.settingsVersion;
  if (version === undefined || version === null || version === context.settings.version) return context.settings;
  return context.settingsSource.version(version);
}
