import type Router from '@koa/router';
import { routes, type RouteDefinition, type RouteName } from '@cakeday/shared';
import { forbidden, internal, unauthenticated } from '../errors/AppError';
import { fieldIssues, validateInput } from '../middleware/validate';
import type { CakedayContext, CakedayState, Principal } from './context';
import type { AppDeps } from './deps';
import type { RouteHandlers } from './routeHandler';

async function resolvePrincipal(
  definition: RouteDefinition,
  ctx: CakedayContext,
  deps: AppDeps,
): Promise<Principal | undefined> {
  if (definition.auth === 'public') {
    if (!ctx.get('Authorization')) return undefined;
    // A public route still recognises a valid caller, but a stale token must not block it.
    return deps.authenticate(ctx).catch(() => undefined);
  }
  const principal = await deps.authenticate(ctx, definition.auth);
  if (!principal) throw unauthenticated();
  if (definition.auth !== 'member' && !principal.roles.includes(definition.auth)) throw forbidden();
  return principal;
}

/** Registers every route of the table: authenticate -> validate -> handler -> response whitelist. */
export function registerRoutes(router: Router<CakedayState>, handlers: RouteHandlers, deps: AppDeps): void {
  for (const name of Object.keys(routes) as RouteName[]) {
    const definition: RouteDefinition = routes[name];
    const handler = handlers[name] as (input: unknown, context: unknown) => Promise<unknown>;
    router.post(definition.path, async (ctx) => {
      const principal = await resolvePrincipal(definition, ctx, deps);
      ctx.state.principal = principal;
      const input = validateInput(definition.request, ctx.request.body);
      const result = await handler(input, { deps, koa: ctx, requestId: ctx.state.requestId, principal });
      // The response schema is a whitelist: a field it does not name never leaves the BFF.
      const output = definition.response.safeParse(result);
      if (!output.success) {
        ctx.state.log.error({ route: name, issues: fieldIssues(output.error) }, 'response does not match its schema');
        throw internal();
      }
      ctx.status = 200;
      ctx.body = output.data;
    });
  }
}
