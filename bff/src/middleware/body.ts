import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import { AppError } from '../errors/AppError';
import type { CakedayState } from '../http/context';

const JSON_TYPES = ['application/json', '+json'];

/** The API speaks JSON: a body of another type (or of none named) is 415, not silently read as `{}`. */
export function jsonBodiesOnly(): Middleware<CakedayState> {
  return async (ctx, next) => {
    // is() is null without a body; an empty body without a content type stays allowed (it reads as `{}`).
    if (ctx.path.startsWith('/api/') && ctx.request.length !== 0 && ctx.request.is(JSON_TYPES) === false) {
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    await next();
  };
}

/**
 * Parses JSON bodies and keeps the raw text (WeChat Pay signs it); a body that cannot be read is the client's 400.
 * `largerLimits` (path -> limit) lets a route that carries an image take more than the default limit.
 */
export function parseJsonBody(limit: string, largerLimits: Readonly<Record<string, string>> = {}): Middleware<CakedayState> {
  const byPath = new Map(Object.entries(largerLimits).map(([path, pathLimit]) => [path, parserWithLimit(pathLimit)]));
  const usual = parserWithLimit(limit);
  return (ctx, next) => (byPath.get(ctx.path) ?? usual)(ctx, next);
}

function parserWithLimit(limit: string): Middleware<CakedayState> {
  return bodyParser({
    enableTypes: ['json'],
    jsonLimit: limit,
    encoding: 'utf-8',
    onError: (error) => {
      const status = (error as { status?: unknown }).status;
      // Too large (413), an unknown encoding (415), malformed JSON (400) keep their status; a body that does not
      // decode as its Content-Encoding says (gzip, deflate, br) fails in zlib without one.
      if (typeof status === 'number' && status >= 400 && status < 500) throw error;
      throw new AppError(400, 'VALIDATION_FAILED', { cause: error });
    },
  });
}
