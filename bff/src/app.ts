import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import helmet from 'koa-helmet';
import { handlers as defaultHandlers } from './api/handlers';
import { serveConsole } from './console/serveConsole';
import { registerHealthRoutes } from './health/healthRoutes';
import type { CakedayState } from './http/context';
import type { AppDeps } from './http/deps';
import { registerRoutes } from './http/registerRoutes';
import type { RouteHandlers } from './http/routeHandler';
import { cors } from './middleware/cors';
import { errorHandler } from './middleware/errorHandler';
import { requestContext } from './middleware/requestId';
import { buildOpenApiDocument } from './openapi/openapi';
import { registerPayNotifyRoute } from './payments/payNotifyRoute';

/** errorHandler -> request id + logging -> body (raw kept) -> helmet -> cors -> the console's files -> routes. */
export function createApp(deps: AppDeps, handlers: RouteHandlers = defaultHandlers): Koa<CakedayState> {
  const app = new Koa<CakedayState>({ proxy: true });
  app.silent = true; // errorHandler logs; Koa's default stderr printer would duplicate it.

  app.use(errorHandler());
  app.use(requestContext(deps.logger));
  app.use(
    bodyParser({
      enableTypes: ['json'],
      jsonLimit: deps.config.BODY_LIMIT,
      encoding: 'utf-8',
    }),
  );
  app.use(helmet());
  app.use(cors(deps.config.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean)));
  app.use(serveConsole(deps.config.OPS_CONSOLE_DIST));

  const router = new Router<CakedayState>();
  registerHealthRoutes(router, deps);
  const openApiDocument = buildOpenApiDocument();
  router.get('/openapi.json', (ctx) => {
    ctx.body = openApiDocument;
  });
  registerRoutes(router, handlers, deps);
  registerPayNotifyRoute(router, deps);
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
