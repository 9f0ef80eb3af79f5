import { defineRoutes } from '../api/route.js';
import { purchasesListRequest, purchasesListResponse } from './purchases.schema.js';

/** The member's side of the till and online-shop purchases (recorded through the pos.* integration routes). */
export const purchasesRoutes = defineRoutes({
  'purchases.list': {
    auth: 'member',
    summary: '消费记录：门店与线上商城的消费（金额、所得积分、退款），最新在前，分页',
    request: purchasesListRequest,
    response: purchasesListResponse,
  },
});
