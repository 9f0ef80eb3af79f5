import { defineRoutes } from '../api/route.js';
import {
  opsIntegrationsCreateRequest,
  opsIntegrationsCreateResponse,
  opsIntegrationsListRequest,
  opsIntegrationsListResponse,
  opsIntegrationsRevokeRequest,
  opsIntegrationsRevokeResponse,
  opsIntegrationsRotateRequest,
  opsIntegrationsRotateResponse,
} from './integrations.schema.js';

export const integrationsOpsRoutes = defineRoutes({
  'ops.integrations.list': {
    auth: 'ops',
    permission: ['read', 'Integration'],
    summary: '接入列表（门店收银与线上商城的密钥：状态、最近使用时间），分页',
    request: opsIntegrationsListRequest,
    response: opsIntegrationsListResponse,
  },
  'ops.integrations.create': {
    auth: 'ops',
    permission: ['create', 'Integration'],
    summary: '新建接入密钥（门店收银绑定门店；密钥只在此时显示一次）',
    request: opsIntegrationsCreateRequest,
    response: opsIntegrationsCreateResponse,
  },
  'ops.integrations.revoke': {
    auth: 'ops',
    permission: ['update', 'Integration'],
    summary: '停用接入密钥（立即生效，不可恢复；需填写原因）',
    request: opsIntegrationsRevokeRequest,
    response: opsIntegrationsRevokeResponse,
  },
  'ops.integrations.rotate': {
    auth: 'ops',
    permission: ['update', 'Integration'],
    summary: '轮换接入密钥（新密钥只显示一次；旧密钥在过渡期内仍可签名，之后被拒绝；需填写原因）',
    request: opsIntegrationsRotateRequest,
    response: opsIntegrationsRotateResponse,
  },
});
