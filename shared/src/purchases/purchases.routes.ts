import { defineRoutes } from '../api/route.js';
import { opsPurchasesGetRequest, opsPurchasesGetResponse, opsPurchasesListRequest, opsPurchasesListResponse } from './purchases.ops.schema.js';
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

export const purchasesOpsRoutes = defineRoutes({
  'ops.purchases.list': {
    auth: 'ops',
    permission: ['read', 'Purchase'],
    summary: '门店与线上消费记录（按门店、会员、小票号查询；所得积分、等级变化与退款；店长只看本店），分页',
    request: opsPurchasesListRequest,
    response: opsPurchasesListResponse,
  },
  'ops.purchases.get': {
    auth: 'ops',
    permission: ['read', 'Purchase'],
    summary: '一笔消费的详情：明细行、核销的券、每笔退款及其收回与退回的积分（店长只看本店）',
    request: opsPurchasesGetRequest,
    response: opsPurchasesGetResponse,
  },
});
