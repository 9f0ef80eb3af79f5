import { timingSafeEqual } from 'node:crypto';
import type Router from '@koa/router';
import type { z } from 'zod';
import { AppError } from '../errors/AppError';
import type { CakedayContext, CakedayState } from '../http/context';
import type { AppDeps } from '../http/deps';
import { handleSmsReply, recordSmsReceipts, smsReplyCallback, smsStatusCallback } from './smsCallbacks';
import { applySmsReceipts } from './smsReceiptHooks';

export const SMS_STATUS_CALLBACK_PATH = '/sms/callbacks/status';
export const SMS_REPLY_CALLBACK_PATH = '/sms/callbacks/reply';

/** Tencent signs no callback: the URL set in the SMS console carries SMS_CALLBACK_TOKEN, compared in constant time. */
function authenticate(ctx: CakedayContext, token: string): void {
  const given = Buffer.from(typeof ctx.query.token === 'string' ? ctx.query.token : '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    ctx.state.log.warn('sms callback refused: no or wrong token');
    throw new AppError(401, 'SMS_CALLBACK_INVALID');
  }
}

function parsed<T extends z.ZodType>(ctx: CakedayContext, schema: T): z.infer<T> {
  const result = schema.safeParse(ctx.request.body);
  if (!result.success) throw new AppError(400, 'VALIDATION_FAILED');
  return result.data;
}

/** What Tencent expects back: result 0 means taken (it retries otherwise). */
const taken = { result: 0, errmsg: 'OK' };

/**
 * Tencent Cloud SMS's callbacks (configured in 短信 → 应用管理 → 回调配置 with `?token=<SMS_CALLBACK_TOKEN>`):
 * delivery receipts and members' replies. Each is recorded once (receipts by sid, replies by a keyed hash), so a
 * repeated post changes nothing; a reply of R/TD withdraws the member's SMS consent before the answer.
 */
export function registerSmsCallbackRoutes(router: Router<CakedayState>, deps: AppDeps): void {
  router.post(SMS_STATUS_CALLBACK_PATH, async (ctx) => {
    authenticate(ctx, deps.config.SMS_CALLBACK_TOKEN);
    const receipts = parsed(ctx, smsStatusCallback);
    const now = deps.now();
    await recordSmsReceipts(receipts, deps.config, now);
    await applySmsReceipts(receipts.map((receipt) => receipt.sid), now);
    ctx.body = taken;
  });
  router.post(SMS_REPLY_CALLBACK_PATH, async (ctx) => {
    authenticate(ctx, deps.config.SMS_CALLBACK_TOKEN);
    const outcome = await handleSmsReply(parsed(ctx, smsReplyCallback), deps.config, deps.now());
    if (outcome.withdrawn) ctx.state.log.info('sms reply: consent withdrawn');
    ctx.body = taken;
  });
}
