import type { z } from 'zod';
import type { OpsPermission } from '../operators/operators.permissions.js';

/**
 * Who may call a route: anyone, a logged-in member, store staff (members on the staff allow-list), the brand's
 * operators (ops console, session cookie), or an integration (a store's till or an online channel, by a request
 * signed with its key: see the README's integration guide). Member tokens never open ops or integration routes,
 * operator sessions never open member or integration routes, and a signature opens nothing but integration routes.
 */
export type RouteAuth = 'public' | 'member' | 'staff' | 'ops' | 'integration';

/**
 * What an ops route needs: an action on a subject type from the shared permission model, or `self` for the
 * operator's own session (the only routes open while a password change or two-factor enrolment is pending).
 */
export type OpsRoutePermission = OpsPermission | 'self';

export interface RouteDefinition<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  method: 'POST';
  path: string;
  auth: RouteAuth;
  /** Required for every `ops` route (the BFF refuses to start without it); absent elsewhere. */
  permission?: OpsRoutePermission;
  /** `csv`: the answer is text/csv streamed row by row (exports), not JSON. */
  stream?: 'csv';
  /** A larger JSON body than the BFF's BODY_LIMIT (an uploaded image), e.g. '512kb'. */
  bodyLimit?: `${number}kb`;
  summary: string;
  request: Req;
  response: Res;
}

/**
 * Every API call is `POST /api/<name>` with a JSON body (the RPC style outline uses), so the
 * mini-program derives the path from the route name and never needs the schemas at run time.
 */
export function routePath(name: string): string {
  return `/api/${name}`;
}

type Definition = Omit<RouteDefinition, 'method' | 'path'>;
/** An ops route without a permission does not type-check. */
type Checked<T extends Record<string, Definition>> = {
  [K in keyof T]: T[K] extends { auth: 'ops' } ? T[K] & { permission: OpsRoutePermission } : T[K];
};

export function defineRoutes<const T extends Record<string, Definition>>(
  definitions: T & Checked<T>,
): { [K in keyof T]: T[K] & { method: 'POST'; path: string } } {
  const entries = Object.entries(definitions).map(([name, definition]) => [
    name,
    { ...(definition as Definition), method: 'POST' as const, path: routePath(name) },
  ]);
  return Object.fromEntries(entries) as { [K in keyof T]: T[K] & { method: 'POST'; path: string } };
}
