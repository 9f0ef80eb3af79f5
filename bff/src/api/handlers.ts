import type { RouteHandlers } from '../http/routeHandler';
import { systemHandlers } from '../system/handlers';

/** Every route of shared/'s table meets its handler here. */
export const handlers: RouteHandlers = {
  ...systemHandlers,
};
