import type { z } from 'zod';

/** Who may call a route: anyone, a logged-in member, store staff, or ops staff. */
export type RouteAuth = 'public' | 'member' | 'staff' | 'ops';

export interface RouteDefinition<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  method: 'POST';
  path: string;
  auth: RouteAuth;
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

export function defineRoutes<const T extends Record<string, Omit<RouteDefinition, 'method' | 'path'>>>(
  definitions: T,
): { [K in keyof T]: T[K] & { method: 'POST'; path: string } } {
  const entries = Object.entries(definitions).map(([name, definition]) => [
    name,
    { ...definition, method: 'POST' as const, path: routePath(name) },
  ]);
  return Object.fromEntries(entries) as { [K in keyof T]: T[K] & { method: 'POST'; path: string } };
}
