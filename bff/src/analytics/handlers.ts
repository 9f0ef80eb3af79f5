import type { RouteHandlers } from '../http/routeHandler';
import { readDaily } from './readDaily';
import { readFunnel } from './readFunnel';
import { readSegments } from './readSegments';

/** The dashboards read rollups and member stats only: no personal data, so no audit entry. */
export const analyticsHandlers: Pick<RouteHandlers, 'ops.analytics.daily' | 'ops.analytics.segments' | 'ops.analytics.funnel'> = {
  'ops.analytics.daily': async (input) => readDaily(input),
  'ops.analytics.segments': async (_input, { deps }) => readSegments(deps.now()),
  'ops.analytics.funnel': async (input) => readFunnel(input),
};
