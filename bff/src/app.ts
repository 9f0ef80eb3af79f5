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
import { clientAddressFrom } from './middleware/clientAddress';
import { jsonBodiesOnly, parseJsonBody } from './middleware/body';
import { cors } from './middleware/cors';
import { errorHandler } from './middleware/errorHandler';
import { methodNotAllowed } from './middleware/methodNotAllowed';
import { requestContext } from './middleware/requestId';
import { measureRequests } from './metrics/httpMetrics';
import { buildOpenApiDocument } from './openapi/openapi';
import { registerPayNotifyRoute } from './payments/payNotifyRoute';
import { registerPhotoRoutes } from './community/photos/photoRoutes';
import { registerMessagePushRoute } from './wechat/messagePush/messagePushRoute';
import { registerMediaRoutes } from './media/mediaRoutes';
import { registerCatalogImageRoutes } from './mall/catalogImageRoutes';
import { registerSmsCallbackRoutes } from './sms/smsCallbackRoutes';
import { routeBodyLimits } from './middleware/routeBodyLimits';
import { registerTestClockRoute } from './testClock/testClockRoute';

/**
 * metrics -> request id + access log -> errorHandler -> helmet -> cors -> client address -> the console's files ->
 * JSON only -> body (raw kept) -> routes. The access log sits outside errorHandler so that it records the status the
 * client got; security and CORS headers come before anything that can refuse the request, so that refusals carry them
 * too.
 */
export function createApp(deps: AppDeps, handlers: RouteHandlers = defaultHandlers): Koa<CakedayState> {
  // No header is trusted by Koa itself: clientAddressFrom believes X-Forwarded-For only from TRUSTED_PROXIES.
  const app = new Koa<CakedayState>({ proxy: false });
  app.silent = true; // errorHandler logs; Koa's default stderr printer would duplicate it.

  app.use(measureRequests());
  app.use(requestContext(deps.logger));
  app.use(errorHandler());
  app.use(helmet());
  app.use(cors(deps.config.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean)));
  app.use(clientAddressFrom(deps.config.TRUSTED_PROXIES));
  app.use(serveConsole(deps.config.OPS_CONSOLE_DIST));
  app.use(jsonBodiesOnly());
  app.use(parseJsonBody(deps.config.BODY_LIMIT, routeBodyLimits()));

  const router = new Router<CakedayState>();
  registerHealthRoutes(router, deps);
  const openApiDocument = buildOpenApiDocument();
  router.get('/openapi.json', (ctx) => {
    ctx.body = openApiDocument;
  });
  registerRoutes(router, handlers, deps);
  registerPayNotifyRoute(router, deps);
  // Avatars and product photos before community photos: `/media/:urlToken/:file` would otherwise take
  // `/media/avatars/<id>` and `/media/catalog/<hash>.<ext>`.
  registerMediaRoutes(router);
  registerCatalogImageRoutes(router, deps);
  registerPhotoRoutes(router, deps);
  registerMessagePushRoute(router, deps);
  if (deps.testClock) registerTestClockRoute(router, deps.testClock);
  registerSmsCallbackRoutes(router, deps);
  app.use(methodNotAllowed());
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
