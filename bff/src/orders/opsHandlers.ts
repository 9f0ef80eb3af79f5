import { recordAudit } from '../audit/audited';
import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { exportOrders } from './exportOrders';
import { describeOrderForOps, listOrdersForOps, loadOrderForOps } from './listOrdersForOps';
import { orderContextFrom } from './orderContextFrom';
import { presentOrderSummaryForOps } from './presentOrderForOps';
import { refundOrderByOps } from './refundOrderByOps';
import { resolveOrderFlag } from './resolveOrderFlag';

type OrdersOpsRoutes = 'ops.orders.list' | 'ops.orders.get' | 'ops.orders.refund' | 'ops.orders.flags.resolve' | 'ops.orders.export';

export const ordersOpsHandlers: Pick<RouteHandlers, OrdersOpsRoutes> = {
  'ops.orders.list': async (input) => {
    const { items, total } = await listOrdersForOps(input);
    return { items: items.map(presentOrderSummaryForOps), total, page: input.page, pageSize: input.pageSize };
  },
  'ops.orders.get': async (input) => describeOrderForOps(await loadOrderForOps(input.orderId)),
  'ops.orders.refund': async (input, context) =>
    describeOrderForOps(await refundOrderByOps(input, context.operator.operatorId, auditOf(context), await orderContextFrom(context.deps))),
  'ops.orders.flags.resolve': async (input, context) => describeOrderForOps(await resolveOrderFlag(input, auditOf(context))),
  'ops.orders.export': async (input, context) => {
    // An export is on the record: who took which orders.
    await recordAudit(auditOf(context), { action: 'ops.orders.export', subject: { type: 'Order', id: null }, after: { filters: input } });
    return exportOrders(input, context.deps.now());
  },
};
