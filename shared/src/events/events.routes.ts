import { defineRoutes } from '../api/route.js';
import { eventsTrackRequest, eventsTrackResponse } from './events.schema.js';

export const eventsRoutes = defineRoutes({
  'events.track': {
    auth: 'public',
    summary: '小程序上报的客户端事件（分享落地页浏览、分享点击等），批量、限流、按客户端事件号去重',
    request: eventsTrackRequest,
    response: eventsTrackResponse,
  },
});
