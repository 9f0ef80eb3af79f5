import { TERMINAL_ORDER_STATUSES, type OrderStatus } from '@cakeday/shared';
import type { MallOrder } from './MallOrder.model';

/** How long an order may sit in a state before the sweeper assumes the request moving it died. */
export const SWEEP_GRACE_MS = 2 * 60_000;
/** After the n-th sweep that did not finish an order, the next comes BASE·2^(n−1) later, at most CAP. */
export const SWEEP_BACKOFF_BASE_MS = 2 * 60_000;
export const SWEEP_BACKOFF_CAP_MS = 60 * 60_000;
/**
 * An order waiting on ops is looked at again only this rarely: a refund WeChat will not finish by itself may be
 * put right at the merchant platform, and if that notification is lost the daily look still finishes the order.
 */
export const AWAITING_OPS_RECHECK_MS = 24 * 60 * 60_000;

/** Final orders need nothing; unpaid ones belong to the payment jobs (reconciled by query, closed at the deadline). */
const NOT_SWEPT: readonly OrderStatus[] = [...TERMINAL_ORDER_STATUSES, 'awaiting_payment'];

export interface SweepSchedule {
  /** When the sweeper should next look at the order; null = not in its working set. */
  nextAttemptAt: Date | null;
  /** Sweeps in a row that did not move the order on (the backoff's exponent). */
  sweepAttempts: number;
}

/** Entering a state is progress: a live order is due after the grace period, a final one leaves the working set. */
export function scheduleOnEntering(status: OrderStatus, now: Date): SweepSchedule {
  return { nextAttemptAt: NOT_SWEPT.includes(status) ? null : new Date(now.getTime() + SWEEP_GRACE_MS), sweepAttempts: 0 };
}

export function sweepBackoffMs(attempts: number): number {
  return Math.min(SWEEP_BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), SWEEP_BACKOFF_CAP_MS);
}

/** A refund WeChat will not finish by itself (ABNORMAL: the payer's card was closed; CLOSED): ops must act. */
export const awaitsOps = (order: Pick<MallOrder, 'status' | 'refund'>): boolean =>
  order.status === 'refunding' && (order.refund?.status === 'ABNORMAL' || order.refund?.status === 'CLOSED');

/** A cash order not paid yet: the payment jobs close it at its deadline, the sweeper has nothing to do. */
export const awaitsPayment = (order: Pick<MallOrder, 'status' | 'cashTotalFen'>): boolean =>
  order.cashTotalFen > 0 && (order.status === 'stock_reserved' || order.status === 'awaiting_payment');
