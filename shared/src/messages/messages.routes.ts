import { defineRoutes } from '../api/route.js';
import { messagesListRequest, messagesListResponse, messagesOpenedRequest, messagesOpenedResponse, messagesReadRequest, messagesReadResponse } from './messages.schema.js';

export const messagesRoutes = defineRoutes({
  'messages.list': { auth: 'member', summary: '消息中心：我的消息（最新在前）与未读数', request: messagesListRequest, response: messagesListResponse },
  'messages.read': { auth: 'member', summary: '将消息标为已读（指定消息或全部）', request: messagesReadRequest, response: messagesReadResponse },
  'messages.opened': {
    auth: 'member',
    summary: '消息落地页上报打开（按查询参数中的投递编号，每条投递只计一次）',
    request: messagesOpenedRequest,
    response: messagesOpenedResponse,
  },
});
