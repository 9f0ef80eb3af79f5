import { isErrorCode, messageFor, type ErrorCode, type FieldIssue } from '@cakeday/shared';

/** Failures the console detects itself, before any answer from the BFF. */
export type ConsoleErrorCode = 'NETWORK_ERROR';

const consoleMessages: Record<ConsoleErrorCode, string> = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
};

/**
 * Every failed ops call rejects with this. `message` is Chinese text fit for an operator (from the shared
 * `errorMessages` by code); `code` is for the program to branch on; `fields` names the inputs the BFF refused.
 */
export class OpsApiError extends Error {
  readonly code: ErrorCode | ConsoleErrorCode;
  readonly fields: FieldIssue[];
  readonly status: number;

  constructor(code: ErrorCode | ConsoleErrorCode, message: string, fields: FieldIssue[], status: number) {
    super(message);
    this.name = 'OpsApiError';
    this.code = code;
    this.fields = fields;
    this.status = status;
  }

  static network(): OpsApiError {
    return new OpsApiError('NETWORK_ERROR', consoleMessages.NETWORK_ERROR, [], 0);
  }

  /** From the BFF's `{ error: { code, fields } }`; a body without a known code counts as INTERNAL. */
  static fromResponse(status: number, body: unknown): OpsApiError {
    const error = readError(body);
    const code: ErrorCode = error && isErrorCode(error.code) ? error.code : status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL';
    return new OpsApiError(code, messageFor(code), readFields(error?.fields), status);
  }
}

function readError(body: unknown): { code?: unknown; fields?: unknown } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as { code?: unknown; fields?: unknown }) : null;
}

function readFields(fields: unknown): FieldIssue[] {
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (field): field is FieldIssue => typeof field === 'object' && field !== null && typeof field.path === 'string' && typeof field.message === 'string',
  );
}

/** The text to show for anything a call threw: never a raw code or an English exception message. */
export function errorText(error: unknown): string {
  return error instanceof OpsApiError ? error.message : messageFor('INTERNAL');
}

export function isOpsError(error: unknown, code: OpsApiError['code']): error is OpsApiError {
  return error instanceof OpsApiError && error.code === code;
}
