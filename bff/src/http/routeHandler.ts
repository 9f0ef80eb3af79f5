import type { RouteName, RouteRequest, RouteResponse } from '@cakeday/shared';
import type { CakedayContext, Principal } from './context';
import type { AppDeps } from './deps';

export interface HandlerContext {
  deps: AppDeps;
  koa: CakedayContext;
  requestId: string;
  /** Set for every route whose auth is not `public` (and for public routes when a valid token came along). */
  principal: Principal | undefined;
}

export type RouteHandler<N extends RouteName> = (
  input: RouteRequest<N>,
  context: HandlerContext,
) => Promise<RouteResponse<N>>;

/** One handler per route in the table; the type makes a missing handler a compile error. */
export type RouteHandlers = { [N in RouteName]: RouteHandler<N> };
