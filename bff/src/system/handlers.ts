import { toBusinessIso } from '@cakeday/shared';
import type { RouteHandlers } from '../http/routeHandler';

export const systemHandlers: Pick<RouteHandlers, 'system.ping'> = {
  'system.ping': async (_input, { deps }) => ({
    ok: true,
    serverTime: toBusinessIso(deps.now()),
    timezone: 'Asia/Shanghai',
  }),
};
