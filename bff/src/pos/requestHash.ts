import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** What makes two requests under one idempotency key the same request: their parsed content, keys in order. */
export function requestHashOf(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(input))).digest('hex');
}
