import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** WeChat's error shape: HTTP 200 with errcode and an errmsg ending in a request id. */
export function sendWechatError(response: ServerResponse, errcode: number, errmsg: string): void {
  sendJson(response, 200, { errcode, errmsg: `${errmsg} rid: ${randomBytes(6).toString('hex')}` });
}

export type JsonObject = Record<string, unknown>;

/** The body as a JSON object, or null when it is empty, malformed or not an object. */
export function parseJsonObject(rawBody: Buffer): JsonObject | null {
  if (rawBody.length === 0) return null;
  try {
    const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonObject) : null;
  } catch {
    return null;
  }
}

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const int = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);
