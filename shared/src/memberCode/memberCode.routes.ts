import { defineRoutes } from '../api/route.js';
import { memberCodeIssueRequest, memberCodeIssueResponse } from './memberCode.schema.js';

export const memberCodeRoutes = defineRoutes({
  'memberCode.issue': {
    auth: 'member',
    summary: '会员码：60 秒有效的二维码（签名）与 18 位数字码，可附带要使用的优惠券；消费入账后即失效',
    request: memberCodeIssueRequest,
    response: memberCodeIssueResponse,
  },
});
