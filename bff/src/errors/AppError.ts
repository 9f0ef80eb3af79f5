import { errorMessages, type ErrorCode, type FieldIssue } from '@cakeday/shared';

/**
 * The one error type handlers throw. `expose` decides whether the message reaches the client:
 * 4xx errors carry a Chinese message for the member; 5xx never reveal internals.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly expose: boolean;
  readonly fields?: FieldIssue[];
  readonly retryable: boolean;
  /** For 429: when the client may try again (the Retry-After header). */
  readonly retryAfterSeconds?: number;

  constructor(
    status: number,
    code: ErrorCode,
    options: { message?: string; expose?: boolean; fields?: FieldIssue[]; cause?: unknown; retryable?: boolean; retryAfterSeconds?: number } = {},
  ) {
    super(options.message ?? errorMessages[code], { cause: options.cause });
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.expose = options.expose ?? status < 500;
    this.fields = options.fields;
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const validationFailed = (fields: FieldIssue[]): AppError =>
  new AppError(400, 'VALIDATION_FAILED', { fields });
export const unauthenticated = (code: 'UNAUTHENTICATED' | 'SESSION_EXPIRED' = 'UNAUTHENTICATED'): AppError =>
  new AppError(401, code);
export const forbidden = (code: ErrorCode = 'FORBIDDEN'): AppError => new AppError(403, code);
export const notFound = (code: ErrorCode = 'NOT_FOUND'): AppError => new AppError(404, code);
export const conflict = (code: ErrorCode = 'CONFLICT', message?: string): AppError =>
  new AppError(409, code, { message });
export const badRequest = (code: ErrorCode, message?: string): AppError => new AppError(400, code, { message });
/** The request is well formed, but what it names cannot be used for this (a recipient, an item, a token). */
export const unprocessable = (code: ErrorCode): AppError => new AppError(422, code);
export const tooManyRequests = (retryAfterSeconds?: number): AppError =>
  new AppError(429, 'RATE_LIMITED', { retryAfterSeconds: retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(retryAfterSeconds)) });
export const internal = (cause?: unknown): AppError => new AppError(500, 'INTERNAL', { cause });
export const unavailable = (cause?: unknown): AppError =>
  new AppError(503, 'SERVICE_UNAVAILABLE', { cause, retryable: true });
