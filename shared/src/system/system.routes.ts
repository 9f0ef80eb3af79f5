import { defineRoutes } from '../api/route.js';
import { systemPingRequest, systemPingResponse } from './system.schema.js';

export const systemRoutes = defineRoutes({
  'system.ping': {
    auth: 'public',
    summary: '服务时间（业务时区 Asia/Shanghai）',
    request: systemPingRequest,
    response: systemPingResponse,
  },
});
