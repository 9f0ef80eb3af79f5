import type Router from '@koa/router';
import { routes, type RouteDefinition, type RouteName } from '@cakeday/shared';
import { AppError, forbidden, internal, unauthenticated } from '../errors/AppError';
import { authenticateIntegration } from '../integrations/authenticateIntegration';
import { withIntegrationUsage } from '../integrations/withIntegrationUsage';
import { fieldIssues, validateInput } from '../middleware/validate';
import type { CakedayContext, CakedayState, OperatorPrincipal, Principal } from './context';
import { sendCsv } from './csvResponse';
import type { AppDeps } from './deps';
import type { CsvExport, RouteHandlers } from './routeHandler';

async function resolvePrincipal(
  definition: RouteDefinition,
  ctx: CakedayContext,
  deps: AppDeps,
): Promise<Principal | undefined> {
  if (definition.auth === 'ops' || definition.auth === 'integration') return undefined;
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

/**
 * Ops routes answer browsers only from the BFF's own origin or the configured console origins: the session cookie
 * is SameSite=Strict, but another port of the same host is the same site (the H5 app), so the origin is checked too.
 */
function assertOpsOrigin(ctx: CakedayContext, deps: AppDeps): void {
  const origin = ctx.get('Origin');
  if (!origin) return;
  const allowed = deps.config.OPS_CONSOLE_ORIGINS.split(',').map((value) => value.trim()).filter(Boolean);
  // Koa 3's ctx.origin is the Origin header itself; the BFF's own origin is built from protocol and host.
  if (origin !== `${ctx.protocol}://${ctx.host}` && !allowed.includes(origin)) throw forbidden();
}

/** The operator behind an ops route, with the route's permission checked (conditions are the command's). */
async function resolveOperator(definition: RouteDefinition, ctx: CakedayContext, deps: AppDeps): Promise<OperatorPrincipal | undefined> {
  if (definition.auth !== 'ops') return undefined;
  const operator = await deps.authenticateOperator(ctx);
  if (!operator) throw unauthenticated();
  const permission = definition.permission;
  if (permission === 'self') return operator;
  if (operator.requires.passwordChange || operator.requires.totpEnrollment) throw new AppError(403, 'OPS_SESSION_RESTRICTED');
  if (!permission || !operator.ability.can(permission[0], permission[1])) throw forbidden();
  return operator;
}

/** Refuses to serve a table in which an ops route names no permission (the type already refuses it in shared/). */
export function assertOpsPermissions(table: Record<string, Pick<RouteDefinition, 'auth' | 'permission'>>): void {
  const missing = Object.entries(table).filter(([, definition]) => definition.auth === 'ops' && !definition.permission);
  if (missing.length > 0) throw new Error(`ops routes without a permission: ${missing.map(([name]) => name).join(', ')}`);
}

/** Registers every route of the table: authenticate -> validate -> handler -> response whitelist. */
export function registerRoutes(router: Router<CakedayState>, handlers: RouteHandlers, deps: AppDeps): void {
  assertOpsPermissions(routes);
  for (const name of Object.keys(routes) as RouteName[]) {
    const definition: RouteDefinition = routes[name];
    const handler = handlers[name] as (input: unknown, context: unknown) => Promise<unknown>;
    const serve = async (ctx: CakedayContext): Promise<void> => {
      ctx.state.routeName = name;
      if (name.startsWith('ops.')) assertOpsOrigin(ctx, deps);
      const principal = await resolvePrincipal(definition, ctx, deps);
      const operator = await resolveOperator(definition, ctx, deps);
      const integration = definition.auth === 'integration' ? await authenticateIntegration(ctx, deps) : undefined;
      ctx.state.principal = principal;
      ctx.state.operator = operator;
      ctx.state.integration = integration;
      const input = validateInput(definition.request, ctx.request.body);
      const result = await handler(input, { deps, koa: ctx, requestId: ctx.state.requestId, principal, operator, integration });
      if (definition.stream === 'csv') return sendCsv(ctx, result as CsvExport);
      // The response schema is a whitelist: a field it does not name never leaves the BFF.
      const output = definition.response.safeParse(result);
      if (!output.success) {
        ctx.state.log.error({ route: name, issues: fieldIssues(output.error) }, 'response does not match its schema');
        throw internal();
      }
      ctx.status = 200;
      ctx.body = output.data;
    };
    router.post(definition.path, definition.auth === 'integration' ? (ctx) => withIntegrationUsage(ctx, deps, () => serve(ctx)) : serve);
  }
}
