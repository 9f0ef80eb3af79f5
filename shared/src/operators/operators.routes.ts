import { defineRoutes } from '../api/route.js';
import {
  opsChangePasswordRequest,
  opsChangePasswordResponse,
  opsLoginRequest,
  opsLoginResponse,
  opsLogoutRequest,
  opsLogoutResponse,
  opsMeRequest,
  opsMeResponse,
  opsOperatorsCreateRequest,
  opsOperatorsCreateResponse,
  opsOperatorsListRequest,
  opsOperatorsListResponse,
  opsOperatorsResetPasswordRequest,
  opsOperatorsResetPasswordResponse,
  opsOperatorsUpdateRequest,
  opsOperatorsUpdateResponse,
  opsTotpEnableRequest,
  opsTotpEnableResponse,
  opsTotpSetupRequest,
  opsTotpSetupResponse,
} from './operators.schema.js';

/** The operator's own session: open to any signed-in operator, also before a required password change. */
export const operatorSessionRoutes = defineRoutes({
  'ops.login': {
    auth: 'public',
    summary: '运营人员登录（用户名 + 密码，开启两步验证后需动态验证码）；设置 httpOnly 会话 Cookie',
    request: opsLoginRequest,
    response: opsLoginResponse,
  },
  'ops.logout': {
    auth: 'ops',
    permission: 'self',
    summary: '退出登录；everywhere=true 时使该运营人员的所有会话失效',
    request: opsLogoutRequest,
    response: opsLogoutResponse,
  },
  'ops.me': {
    auth: 'ops',
    permission: 'self',
    summary: '当前运营人员、角色与会话要求（修改初始密码、开启两步验证）',
    request: opsMeRequest,
    response: opsMeResponse,
  },
  'ops.changePassword': {
    auth: 'ops',
    permission: 'self',
    summary: '修改自己的密码；其他会话全部失效',
    request: opsChangePasswordRequest,
    response: opsChangePasswordResponse,
  },
  'ops.totp.setup': {
    auth: 'ops',
    permission: 'self',
    summary: '生成两步验证密钥（验证通过前不生效）',
    request: opsTotpSetupRequest,
    response: opsTotpSetupResponse,
  },
  'ops.totp.enable': {
    auth: 'ops',
    permission: 'self',
    summary: '用动态验证码确认并开启两步验证',
    request: opsTotpEnableRequest,
    response: opsTotpEnableResponse,
  },
});

export const operatorsRoutes = defineRoutes({
  'ops.operators.list': {
    auth: 'ops',
    permission: ['read', 'Operator'],
    summary: '运营人员列表',
    request: opsOperatorsListRequest,
    response: opsOperatorsListResponse,
  },
  'ops.operators.create': {
    auth: 'ops',
    permission: ['create', 'Operator'],
    summary: '创建运营人员；返回一次性密码（首次登录须修改）',
    request: opsOperatorsCreateRequest,
    response: opsOperatorsCreateResponse,
  },
  'ops.operators.update': {
    auth: 'ops',
    permission: ['update', 'Operator'],
    summary: '修改运营人员的名称、角色、门店或停用（需基于最新版本）',
    request: opsOperatorsUpdateRequest,
    response: opsOperatorsUpdateResponse,
  },
  'ops.operators.resetPassword': {
    auth: 'ops',
    permission: ['update', 'Operator'],
    summary: '重置密码：返回一次性密码，该运营人员的会话全部失效',
    request: opsOperatorsResetPasswordRequest,
    response: opsOperatorsResetPasswordResponse,
  },
});
