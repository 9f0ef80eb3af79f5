import { defineRoutes } from '../api/route.js';
import { authLoginRequest, authLoginResponse, authLogoutRequest, authLogoutResponse } from './auth.schema.js';

export const authRoutes = defineRoutes({
  'auth.login': {
    auth: 'public',
    summary: '微信登录：用 wx.login 的 code 换取会话令牌（约 2 小时有效）',
    request: authLoginRequest,
    response: authLoginResponse,
  },
  'auth.logout': {
    auth: 'member',
    summary: '退出登录：该会员的所有会话令牌立即失效',
    request: authLogoutRequest,
    response: authLogoutResponse,
  },
});
