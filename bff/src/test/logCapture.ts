import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../logger';

export interface LogEntry {
  level: number;
  msg: string;
  err?: { message?: string; type?: string };
  [field: string]: unknown;
}

/** A real pino logger (redaction included) whose lines the test reads back, parsed. */
export function captureLogger(level = 'info'): { logger: Logger; entries: () => LogEntry[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { logger: createLogger(level, sink), entries: () => lines.map((line) => JSON.parse(line) as LogEntry) };
}

export const PINO_WARN = 40;
