import { conflict } from '../errors/AppError';
import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { issueWriteoffQr } from '../writeoff/issueWriteoffQr';
import { cancelOrder } from './cancelOrder';
import { listOrders } from './listOrders';
import { loadOrderFor } from './loadOrderFor';
import { orderContextFrom } from './orderContextFrom';
import { confirmPayment, payOrder } from './payOrder';
import { presentOrder } from './presentOrder';
import { presentPayment } from './presentPayment';
import { refundOrder } from './refundOrder';

type OrderRoutes = 'orders.list' | 'orders.get' | 'orders.cancel' | 'orders.pay' | 'orders.confirmPayment' | 'orders.refund' | 'orders.qr';

export const ordersHandlers: Pick<RouteHandlers, OrderRoutes> = {
  'orders.list': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    const now = deps.now();
    const { orders, nextCursor } = await listOrders(memberId, input);
    return { items: orders.map((order) => presentOrder(order, memberId, now)), nextCursor };
  },
  'orders.get': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    return { order: presentOrder(await loadOrderFor(input.orderId, memberId), memberId, deps.now()) };
  },
  'orders.cancel': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    const context = await orderContextFrom(deps);
    return { order: presentOrder(await cancelOrder(input.orderId, memberId, context), memberId, context.now) };
  },
  'orders.pay': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    const context = await orderContextFrom(deps);
    const order = await payOrder(input.orderId, memberId, context);
    const payment = presentPayment(order);
    if (!payment) throw conflict('ORDER_NOT_PAYABLE');
    return { order: presentOrder(order, memberId, context.now), payment };
  },
  'orders.confirmPayment': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    const context = await orderContextFrom(deps);
    const order = await confirmPayment(await loadOrderFor(input.orderId, memberId, 'buyer'), context);
    return { order: presentOrder(order, memberId, context.now) };
  },
  'orders.refund': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    const context = await orderContextFrom(deps);
    return { order: presentOrder(await refundOrder(input.orderId, memberId, context), memberId, context.now) };
  },
  'orders.qr': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    const now = deps.now();
    const order = await loadOrderFor(input.orderId, memberId);
    if (!presentOrder(order, memberId, now).actions.canShowQr) throw conflict('ORDER_NO_QR');
    return issueWriteoffQr('order', order._id.toHexString(), now, deps.config.SESSION_SECRET);
  },
};
