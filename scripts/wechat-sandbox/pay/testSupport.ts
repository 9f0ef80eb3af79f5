import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PayKeyMaterial } from './keys';
import { randomAlphanumeric } from './keys';
import { requestMessage, signSha256Rsa, SIGNATURE_TYPE } from './signing';

export interface MerchantResponse {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** A merchant's signed v3 call, written independently of the BFF's adapter so each side checks the other. */
export async function merchantCall(
  base: string,
  keys: PayKeyMaterial,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  options: { privateKeyPem?: string; timestamp?: number; serial?: string } = {},
): Promise<MerchantResponse> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = randomAlphanumeric(32);
  const signature = signSha256Rsa(requestMessage(method, path, timestamp, nonce, text), options.privateKeyPem ?? keys.merchant.privateKeyPem);
  const authorization = `${SIGNATURE_TYPE} mchid="${keys.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${options.serial ?? keys.merchant.serial}"`;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Accept: 'application/json', Authorization: authorization, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : text,
  });
  const answer = await response.text();
  return { status: response.status, headers: response.headers, text: answer, json: answer ? (JSON.parse(answer) as Record<string, unknown>) : {} };
}

export interface ReceivedNotification {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A notify_url endpoint that records what arrives and answers with the next scripted status (default 204). */
export async function startReceiver(statuses: number[] = []): Promise<{ url: string; received: ReceivedNotification[]; stop(): Promise<void> }> {
  const received: ReceivedNotification[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = statuses.shift() ?? 204;
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(status < 300 ? '' : JSON.stringify({ code: 'FAIL', message: '失败' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/wechat/pay/notify`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function jsapiBody(keys: PayKeyMaterial, notifyUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appid: keys.appid,
    mchid: keys.mchid,
    description: 'Cakeday 生日蛋糕券',
    out_trade_no: `T${randomAlphanumeric(20)}`,
    notify_url: notifyUrl,
    amount: { total: 8800, currency: 'CNY' },
    payer: { openid: 'o_sandbox_payer_1' },
    ...overrides,
  };
}
