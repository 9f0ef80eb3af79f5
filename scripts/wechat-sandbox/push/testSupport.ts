import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decryptPushMessage, pushSignature } from './pushCrypto';
import { DEV_PUSH_AES_KEY, DEV_PUSH_TOKEN } from './pushSettings';

export interface ReceivedPush {
  query: Record<string, string>;
  body: string;
}

export interface PushReceiver {
  url: string;
  received: ReceivedPush[];
  /** Resolves once `count` pushes have arrived in all (an event to wait on, never a timer). */
  arrived(count: number): Promise<ReceivedPush[]>;
  stop(): Promise<void>;
}

/** A message push endpoint that records what arrives and answers the next scripted [status, body] (default 200 success). */
export async function startPushReceiver(answers: [number, string][] = []): Promise<PushReceiver> {
  const received: ReceivedPush[] = [];
  const waiters: { count: number; resolve: (pushes: ReceivedPush[]) => void }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://receiver.local');
      received.push({ query: Object.fromEntries(url.searchParams), body: Buffer.concat(chunks).toString('utf8') });
      const [status, body] = answers.shift() ?? [200, 'success'];
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end(body);
      for (const waiter of waiters.filter((candidate) => received.length >= candidate.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve([...received]);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/wechat/message-push`,
    received,
    arrived: (count) => (received.length >= count ? Promise.resolve([...received]) : new Promise((resolve) => waiters.push({ count, resolve }))),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Opens a received push as a receiver following WeChat's rules would (the sandbox's own reading, for its tests):
 * the event's JSON text, or why it must be refused.
 */
export function openPush(push: ReceivedPush, options: { token?: string; aesKey?: string; appid?: string } = {}): { json: string } | { refused: string } {
  const token = options.token ?? DEV_PUSH_TOKEN;
  const { signature = '', timestamp = '', nonce = '', msg_signature: msgSignature } = push.query;
  const body = JSON.parse(push.body) as { Encrypt?: string };
  if (body.Encrypt === undefined) return signature === pushSignature(token, timestamp, nonce) ? { json: push.body } : { refused: 'signature' };
  if (msgSignature !== pushSignature(token, timestamp, nonce, body.Encrypt)) return { refused: 'msg_signature' };
  try {
    const { message, appid } = decryptPushMessage(body.Encrypt, options.aesKey ?? DEV_PUSH_AES_KEY);
    return appid === (options.appid ?? 'wx0000000000000000') ? { json: message } : { refused: 'appid' };
  } catch {
    return { refused: 'ciphertext' };
  }
}
