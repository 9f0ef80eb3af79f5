import { defineRoutes } from '../api/route.js';
import {
  opsCouponTemplatesCreateRequest,
  opsCouponTemplatesCreateResponse,
  opsCouponTemplatesListRequest,
  opsCouponTemplatesListResponse,
  opsCouponTemplatesUpdateRequest,
  opsCouponTemplatesUpdateResponse,
} from './coupons.ops.schema.js';

export const couponTemplatesOpsRoutes = defineRoutes({
  'ops.couponTemplates.list': {
    auth: 'ops',
    permission: ['read', 'CouponTemplate'],
    summary: '券模板列表（按启用状态、标题或编码筛选，分页）',
    request: opsCouponTemplatesListRequest,
    response: opsCouponTemplatesListResponse,
  },
  'ops.couponTemplates.create': {
    auth: 'ops',
    permission: ['create', 'CouponTemplate'],
    summary: '新建券模板（券面与有效期）',
    request: opsCouponTemplatesCreateRequest,
    response: opsCouponTemplatesCreateResponse,
  },
  'ops.couponTemplates.update': {
    auth: 'ops',
    permission: ['update', 'CouponTemplate'],
    summary: '修改券模板的券面、有效期或启用状态（需基于最新版本）；已发出的券不受影响',
    request: opsCouponTemplatesUpdateRequest,
    response: opsCouponTemplatesUpdateResponse,
  },
});
