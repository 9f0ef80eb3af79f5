import { isErrorCode, messageFor, type ErrorCode } from '@cakeday/shared';

/** Failures the client detects itself, before any answer from the BFF. */
export type ClientErrorCode = 'NETWORK_ERROR';

const clientMessages: Record<ClientErrorCode, string> = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
};

/**
 * Every failed call rejects with this. `message` is always Chinese text fit for a member; `code` is for
 * the program to branch on and is never shown.
 */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;

  constructor(code: ErrorCode | ClientErrorCode, status: number) {
    super(code === 'NETWORK_ERROR' ? clientMessages[code] : messageFor(code));
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }

  /** From the BFF's `{ error: { code } }`; a body without a known code counts as INTERNAL. */
  static fromResponse(status: number, body: unknown): ApiError {
    const code = readErrorCode(body);
    return new ApiError(code ?? (status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL'), status);
  }
}

function readErrorCode(body: unknown): ErrorCode | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return isErrorCode(code) ? code : null;
}

/** The text to show for anything a call threw: never a raw code or an English exception message. */
export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : messageFor('INTERNAL');
}
