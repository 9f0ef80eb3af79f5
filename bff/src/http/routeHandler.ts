import type { RouteName, RouteRequest, RouteResponse, Routes } from '@cakeday/shared';
import type { CakedayContext, IntegrationPrincipal, OperatorPrincipal, Principal } from './context';
import type { AppDeps } from './deps';

export interface HandlerContext {
  deps: AppDeps;
  koa: CakedayContext;
  requestId: string;
  /** Set for every member and staff route (and for public routes when a valid token came along). */
  principal: Principal | undefined;
  /** Set for every ops route. */
  operator: OperatorPrincipal | undefined;
  /** Set for every integration route. */
  integration: IntegrationPrincipal | undefined;
}

/** An ops route's handler always has its operator. */
export interface OpsHandlerContext extends HandlerContext {
  operator: OperatorPrincipal;
}

/** What an export route's handler gives back: the row count first (for progress), then the rows, header first. */
export interface CsvExport {
  filename: string;
  total: number;
  rows: AsyncIterable<readonly (string | number | null)[]>;
}

/** An integration route's handler always has its integration. */
export interface IntegrationHandlerContext extends HandlerContext {
  integration: IntegrationPrincipal;
}

type ContextFor<N extends RouteName> = Routes[N]['auth'] extends 'ops'
  ? OpsHandlerContext
  : Routes[N]['auth'] extends 'integration'
    ? IntegrationHandlerContext
    : HandlerContext;
type ResultFor<N extends RouteName> = Routes[N] extends { stream: 'csv' } ? CsvExport : RouteResponse<N>;

export type RouteHandler<N extends RouteName> = (input: RouteRequest<N>, context: ContextFor<N>) => Promise<ResultFor<N>>;

/** One handler per route in the table; the type makes a missing handler a compile error. */
export type RouteHandlers = { [N in RouteName]: RouteHandler<N> };
