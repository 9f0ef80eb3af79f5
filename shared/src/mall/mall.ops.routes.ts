import { defineRoutes } from '../api/route.js';
import {
  opsMallItemsAdjustStockRequest,
  opsMallItemsAdjustStockResponse,
  opsMallItemsCreateRequest,
  opsMallItemsCreateResponse,
  opsMallItemsGetRequest,
  opsMallItemsGetResponse,
  opsMallItemsListRequest,
  opsMallItemsListResponse,
  opsMallItemsUpdateRequest,
  opsMallItemsUpdateResponse,
} from './mall.ops.schema.js';

export const mallItemsOpsRoutes = defineRoutes({
  'ops.mallItems.list': {
    auth: 'ops',
    permission: ['read', 'MallItem'],
    summary: '积分商城商品列表（按上下架状态、类型、标题或编码筛选，分页）',
    request: opsMallItemsListRequest,
    response: opsMallItemsListResponse,
  },
  'ops.mallItems.get': {
    auth: 'ops',
    permission: ['read', 'MallItem'],
    summary: '商品详情（含库存、预占订单数与版本号）',
    request: opsMallItemsGetRequest,
    response: opsMallItemsGetResponse,
  },
  'ops.mallItems.create': {
    auth: 'ops',
    permission: ['create', 'MallItem'],
    summary: '新建商品（默认下架，检查无误后再上架）',
    request: opsMallItemsCreateRequest,
    response: opsMallItemsCreateResponse,
  },
  'ops.mallItems.update': {
    auth: 'ops',
    permission: ['update', 'MallItem'],
    summary: '修改商品信息、价格、限兑、可见时间或上下架（需基于最新版本）；库存请用库存调整',
    request: opsMallItemsUpdateRequest,
    response: opsMallItemsUpdateResponse,
  },
  'ops.mallItems.adjustStock': {
    auth: 'ops',
    permission: ['update', 'MallItem'],
    summary: '按增减量调整库存（需填写原因；调整后不能小于 0；需基于最新版本）',
    request: opsMallItemsAdjustStockRequest,
    response: opsMallItemsAdjustStockResponse,
  },
});
