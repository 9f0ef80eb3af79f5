import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonObject } from './http';
import type { SandboxState } from './state';

export interface EndpointContext {
  state: SandboxState;
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  rawBody: Buffer;
  /** The JSON body (null when empty or malformed). */
  body: JsonObject | null;
  /** The app the access_token belongs to (token-checked endpoints only). */
  appid: string;
}

/** What an endpoint answers: a WeChat error, a JSON success (errcode 0 added where WeChat adds it), or raw bytes. */
export type EndpointResult =
  | { errcode: number; errmsg: string }
  | { json: JsonObject }
  | { bytes: Buffer; contentType: string };

/** One imitated api.weixin.qq.com endpoint. */
export interface Endpoint {
  /** Stable name used by the control API (faults, call counts). */
  name: string;
  method: 'GET' | 'POST';
  path: string;
  needsToken: boolean;
  handle(context: EndpointContext): Promise<EndpointResult> | EndpointResult;
}

export const fail = (errcode: number, errmsg: string): EndpointResult => ({ errcode, errmsg });
