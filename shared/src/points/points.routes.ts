import { defineRoutes } from '../api/route.js';
import { pointsHistoryRequest, pointsHistoryResponse } from './points.schema.js';

export const pointsRoutes = defineRoutes({
  'points.history': {
    auth: 'member',
    summary: '积分明细（分页，最新在前）',
    request: pointsHistoryRequest,
    response: pointsHistoryResponse,
  },
});
