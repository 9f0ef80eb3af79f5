import pino, { type DestinationStream, type Logger } from 'pino';

/** Paths pino replaces with [Redacted]: secrets, tokens and personal data never reach a log. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.authorization',
  '*.password',
  '*.secret',
  '*.token',
  '*.sessionToken',
  '*.oneTimePassword',
  '*.newPassword',
  '*.currentPassword',
  '*.totpCode',
  '*.accessToken',
  '*.access_token',
  '*.session_key',
  '*.sessionKey',
  '*.phone',
  '*.phoneNumber',
  '*.purePhoneNumber',
  '*.js_code',
  'err.config',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
    level,
    base: { service: 'cakeday-bff' },
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    },
    destination,
  );
}

export type { Logger };
