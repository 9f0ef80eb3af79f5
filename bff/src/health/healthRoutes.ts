import type Router from '@koa/router';
import type { CakedayState } from '../http/context';
import type { AppDeps } from '../http/deps';

export function registerHealthRoutes(router: Router<CakedayState>, deps: AppDeps): void {
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const ready = await deps.databaseReady();
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'unavailable', database: ready ? 'up' : 'down' };
  });
}
