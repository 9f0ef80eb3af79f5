import type { z } from 'zod';
import { authRoutes } from '../auth/auth.routes.js';
import { consentsRoutes } from '../consents/consents.routes.js';
import { membersRoutes } from '../members/members.routes.js';
import { pointsRoutes } from '../points/points.routes.js';
import { systemRoutes } from '../system/system.routes.js';

/**
 * The route table: every API route the BFF serves and the mini-program calls.
 * Each feature defines its routes in `<feature>/<feature>.routes.ts`; they meet here.
 */
export const routes = {
  ...systemRoutes,
  ...authRoutes,
  ...membersRoutes,
  ...consentsRoutes,
  ...pointsRoutes,
};

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteInput<N extends RouteName> = z.input<Routes[N]['request']>;
export type RouteRequest<N extends RouteName> = z.output<Routes[N]['request']>;
export type RouteResponse<N extends RouteName> = z.output<Routes[N]['response']>;
