import { defineRoutes } from '../api/route.js';
import {
  opsStoresCreateRequest,
  opsStoresCreateResponse,
  opsStoresListRequest,
  opsStoresListResponse,
  opsStoreStaffAddRequest,
  opsStoreStaffAddResponse,
  opsStoreStaffDeactivateRequest,
  opsStoreStaffDeactivateResponse,
  opsStoreStaffListRequest,
  opsStoreStaffListResponse,
  opsStoresUpdateRequest,
  opsStoresUpdateResponse,
  storesListRequest,
  storesListResponse,
} from './stores.schema.js';

export const storesRoutes = defineRoutes({
  'stores.list': {
    auth: 'public',
    summary: '门店列表（营业中的门店：地址、电话、营业时间、位置）；给出位置时由近到远',
    request: storesListRequest,
    response: storesListResponse,
  },
  'ops.stores.list': {
    auth: 'ops',
    permission: ['read', 'Store'],
    summary: '门店列表（店长只看到自己的门店），分页',
    request: opsStoresListRequest,
    response: opsStoresListResponse,
  },
  'ops.stores.create': {
    auth: 'ops',
    permission: ['create', 'Store'],
    summary: '新建门店（编码、名称、地址、电话、营业时间）',
    request: opsStoresCreateRequest,
    response: opsStoresCreateResponse,
  },
  'ops.stores.update': {
    auth: 'ops',
    permission: ['update', 'Store'],
    summary: '修改门店信息或停业（需基于最新版本）',
    request: opsStoresUpdateRequest,
    response: opsStoresUpdateResponse,
  },
  'ops.storeStaff.list': {
    auth: 'ops',
    permission: ['read', 'StoreStaff'],
    summary: '门店店员（可核销的会员）列表；店长只看到本店',
    request: opsStoreStaffListRequest,
    response: opsStoreStaffListResponse,
  },
  'ops.storeStaff.add': {
    auth: 'ops',
    permission: ['create', 'StoreStaff'],
    summary: '把会员加为门店店员（按会员 ID，例如会员搜索的结果）；店长只能加到本店',
    request: opsStoreStaffAddRequest,
    response: opsStoreStaffAddResponse,
  },
  'ops.storeStaff.deactivate': {
    auth: 'ops',
    permission: ['update', 'StoreStaff'],
    summary: '停用店员，立即失去核销权限（需基于最新版本）',
    request: opsStoreStaffDeactivateRequest,
    response: opsStoreStaffDeactivateResponse,
  },
});
