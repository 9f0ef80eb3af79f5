import type Router from '@koa/router';
import { parseMessagePush } from '@cakeday/shared';
import { AppError } from '../../errors/AppError';
import type { CakedayContext, CakedayState } from '../../http/context';
import type { AppDeps } from '../../http/deps';
import { checkPushUrl, openMessagePush, PushRefused, pushSecretsFrom, type PushQuery } from './openMessagePush';
import { receiveMessagePush } from './receiveMessagePush';

export const MESSAGE_PUSH_PATH = '/wechat/message-push';
/** WeChat's events are a few hundred bytes. */
const MAX_PUSH_BYTES = 64 * 1024;

/** The query's single values (a repeated parameter counts as absent). */
function queryOf(ctx: CakedayContext): PushQuery {
  return Object.fromEntries(Object.entries(ctx.query).map(([name, value]) => [name, typeof value === 'string' ? value : undefined]));
}

/** The body as sent: kept by the JSON body parser, or read here when WeChat names another content type. */
async function rawBodyOf(ctx: CakedayContext): Promise<string> {
  const kept = (ctx.request as { rawBody?: unknown }).rawBody;
  if (typeof kept === 'string') return kept;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PUSH_BYTES) throw new AppError(413, 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function refused(ctx: CakedayContext, error: unknown): never {
  if (!(error instanceof PushRefused)) throw error;
  ctx.state.log.warn({ reason: error.message }, 'wechat push refused');
  throw new AppError(401, 'WECHAT_PUSH_INVALID');
}

/**
 * WeChat's message push (消息推送): GET answers the URL check by echoing `echostr`; POST takes events in JSON, in
 * plain or safe mode (WECHAT_PUSH_MODE). Anything not signed by our token (and, in safe mode, not encrypted with our
 * EncodingAESKey for our appid), or signed more than 5 minutes from now, is 401 and records nothing. A genuine push
 * is recorded, handled within the budget and answered `success`; duplicates are answered the same and change nothing.
 */
export function registerMessagePushRoute(router: Router<CakedayState>, deps: AppDeps): void {
  const secrets = pushSecretsFrom(deps.config);
  router.get(MESSAGE_PUSH_PATH, (ctx) => {
    let echostr: string;
    try {
      echostr = checkPushUrl(queryOf(ctx), secrets, deps.now());
    } catch (error) {
      refused(ctx, error);
    }
    ctx.type = 'text/plain';
    ctx.body = echostr;
  });
  router.post(MESSAGE_PUSH_PATH, async (ctx) => {
    const rawBody = await rawBodyOf(ctx);
    let body: Record<string, unknown>;
    try {
      body = openMessagePush(queryOf(ctx), rawBody, secrets, deps.now());
    } catch (error) {
      refused(ctx, error);
    }
    const parsed = parseMessagePush(body);
    if (parsed.kind === 'events') {
      const outcome = await receiveMessagePush(parsed.events, deps, ctx.state.log);
      ctx.state.log.info({ pushEvent: parsed.events[0]?.type, ...outcome }, 'wechat push recorded');
    } else if (parsed.kind === 'invalid') {
      // WeChat's (it is signed), but not in a shape we know: retrying would not help; the log must show it.
      ctx.state.log.error({ pushEvent: parsed.event, issues: parsed.issues }, 'wechat push of an unexpected shape');
    } else {
      ctx.state.log.info({ pushEvent: parsed.event }, 'wechat push ignored');
    }
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });
}
