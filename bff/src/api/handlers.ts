import { authHandlers } from '../auth/handlers';
import { consentsHandlers } from '../consents/handlers';
import type { RouteHandlers } from '../http/routeHandler';
import { membersHandlers } from '../members/handlers';
import { pointsHandlers } from '../points/handlers';
import { systemHandlers } from '../system/handlers';

/** Every route of shared/'s table meets its handler here. */
export const handlers: RouteHandlers = {
  ...systemHandlers,
  ...authHandlers,
  ...membersHandlers,
  ...consentsHandlers,
  ...pointsHandlers,
};
