import type Router from '@koa/router';
import type { CakedayState } from '../http/context';
import type { AppDeps } from '../http/deps';
import { orderContextFrom } from '../orders/orderContextFrom';
import { handlePayNotification } from './handlePayNotification';

/**
 * POST /wechat/pay/notify: the signature is verified over the raw body (kept by the body parser) before anything
 * is read; a forged, stale or undecryptable notification gets 401 {code: FAIL} and changes nothing; a good one
 * is applied idempotently and answered 204.
 */
export function registerPayNotifyRoute(router: Router<CakedayState>, deps: AppDeps): void {
  router.post('/wechat/pay/notify', async (ctx) => {
    const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? '';
    let notification;
    try {
      notification = await deps.wechat.pay.parseNotification(ctx.request.headers, rawBody);
    } catch (error) {
      ctx.state.log.warn({ err: error }, 'wechat pay notification rejected');
      ctx.status = 401;
      ctx.body = { code: 'FAIL', message: '失败' };
      return;
    }
    const outcome = await handlePayNotification(notification, await orderContextFrom(deps));
    ctx.state.log.info({ notificationId: notification.id, kind: notification.kind, outcome }, 'wechat pay notification applied');
    ctx.status = 204;
  });
}
