import { defineRoutes } from '../api/route.js';
import {
  consentsGrantRequest,
  consentsGrantResponse,
  consentsListRequest,
  consentsListResponse,
  consentsWithdrawRequest,
  consentsWithdrawResponse,
} from './consents.schema.js';

export const consentsRoutes = defineRoutes({
  'consents.list': {
    auth: 'member',
    summary: '我的授权：每项授权的当前状态、说明文字与历史记录',
    request: consentsListRequest,
    response: consentsListResponse,
  },
  'consents.grant': {
    auth: 'member',
    summary: '同意一项授权（记录所展示说明的版本与时间）',
    request: consentsGrantRequest,
    response: consentsGrantResponse,
  },
  'consents.withdraw': {
    auth: 'member',
    summary: '撤回一项授权（撤回生日授权会删除已保存的生日）',
    request: consentsWithdrawRequest,
    response: consentsWithdrawResponse,
  },
});
