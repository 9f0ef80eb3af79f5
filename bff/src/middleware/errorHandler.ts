import type { Middleware } from 'koa';
import { errorMessages, type ErrorBody, type ErrorCode } from '@cakeday/shared';
import { AppError } from '../errors/AppError';
import type { CakedayState } from '../http/context';

/** Statuses raised by Koa and its middleware (body parser, etc.) mapped to our stable codes. */
const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Every limit we keep is per minute; a 429 that does not know better asks for a minute's wait. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status, HTTP_STATUS_CODES[status] ?? 'VALIDATION_FAILED', { cause: error });
  }
  return new AppError(500, 'INTERNAL', { cause: error });
}

/** First middleware: every failure becomes `{ error: { code, message } }`; 5xx never expose internals. */
export function errorHandler(): Middleware<CakedayState> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new AppError(404, 'ROUTE_NOT_FOUND');
      }
    } catch (error) {
      const appError = toAppError(error);
      const logger = ctx.state.log;
      if (appError.status >= 500) logger?.error({ err: appError.cause ?? appError, code: appError.code }, 'request failed');
      else logger?.info({ code: appError.code, status: appError.status }, 'request rejected');
      const body: ErrorBody = {
        error: {
          code: appError.code,
          message: appError.expose ? appError.message : errorMessages[appError.code],
          requestId: ctx.state.requestId,
          ...(appError.fields ? { fields: appError.fields } : {}),
        },
      };
      ctx.status = appError.status;
      ctx.body = body;
      if (appError.status === 401) ctx.set('WWW-Authenticate', 'Bearer');
      if (appError.status === 429) ctx.set('Retry-After', String(appError.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS));
    }
  };
}
