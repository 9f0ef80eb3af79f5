import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadPages, type SandboxApp } from './config';
import { createControlApi } from './controlApi';
import { SandboxControl } from './controlClient';
import type { SandboxHandler } from './handler';
import { sendJson } from './http';
import { createMiniProgramApi } from './miniProgramApi';
import { createPaySandbox, type PaySandboxControl, type PaySandboxOptions } from './pay';
import { createPushControlHandler } from './push/pushControl';
import { createPushSandbox, type PushSandboxControl } from './push/pushSandbox';
import type { PushSettingsPatch } from './push/pushSettings';
import { SandboxState } from './state';
import { createSmsHandler } from './sms/smsHandler';
import { SmsSandbox, type SmsSandboxControl } from './sms/smsSandbox';
import type { SmsSandboxOptions } from './sms/smsSandbox';
import { createRobotHandler } from './wecom/robotHandler';
import { RobotSandbox, type RobotSandboxControl } from './wecom/robotSandbox';

export { SandboxControl } from './controlClient';
export type { SandboxHandler } from './handler';
export type { PushSandboxControl } from './push/pushSandbox';
export type { SmsSandboxControl, SmsOutboxMessage, SmsCallbackDelivery } from './sms/smsSandbox';
export { SMS_API_PATH } from './sms/smsHandler';
export type { RobotSandboxControl, RobotMessage } from './wecom/robotSandbox';
export { DEV_WECOM_ROBOT_KEY } from './wecom/robotSandbox';
export type { PushSettings, PushSettingsPatch, PushMode } from './push/pushSettings';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Keeps the state across restarts (npm run dev); in memory only without it. */
  stateFile?: string;
  /** WeChat Pay (/v3/..., /__sandbox/pay/...): keys, key mode, retry time scale. */
  pay?: PaySandboxOptions;
  /** Mini-programs known besides the development one (a production-mode BFF refuses the development appid). */
  apps?: SandboxApp[];
  /** The message push to the BFF (URL, token, EncodingAESKey, mode, retries, media verdict delay); none without a URL. */
  push?: PushSettingsPatch;
  /**
   * Tencent Cloud SMS: accounts (SecretId/SecretKey) known besides the development one (production refuses it), and
   * where receipts and replies are posted (kept across resets).
   */
  sms?: SmsSandboxOptions;
  /** 企业微信 group robots known besides the development one (their webhook keys). */
  wecomRobotKeys?: string[];
}

export interface RunningWechatSandbox {
  /** Base URL of WeChat's imitated API (WECHAT_API_BASE) and of the control API under /__sandbox. */
  url: string;
  control: SandboxControl;
  /** WeChat Pay's controls in-process (the same as /__sandbox/pay/... over HTTP) and its keys. */
  pay: PaySandboxControl;
  /** The message push's controls in-process (the same as /__sandbox/push/... over HTTP). */
  push: PushSandboxControl;
  /** Tencent Cloud SMS's controls in-process (the same as /__sandbox/sms/... over HTTP). */
  sms: SmsSandboxControl;
  /** 企业微信's group-robot webhook's controls in-process (the same as /__sandbox/wecom/... over HTTP). */
  wecom: RobotSandboxControl;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Starts the WeChat sandbox: api.weixin.qq.com's mini-program APIs and the /__sandbox control API on one port. */
export async function startWechatSandbox(options: SandboxOptions = {}): Promise<RunningWechatSandbox> {
  const state = new SandboxState(options.stateFile, options.apps);
  const pages = loadPages();
  // Pay keeps real time: its signatures carry timestamps the BFF checks against its own clock.
  const pay = createPaySandbox(options.pay);
  const push = createPushSandbox(state, options.push);
  const sms = new SmsSandbox(() => state.now(), options.sms);
  const robot = new RobotSandbox(() => state.now(), options.wecomRobotKeys);
  // Every part of the sandbox, asked in turn; pay's and push's control routes come before the general control API.
  const handlers: SandboxHandler[] = [
    pay.controlHandler,
    createPushControlHandler(state, push),
    createSmsHandler(sms),
    createRobotHandler(robot),
    createControlApi(state, {
      subscriptions: push.subscriptions,
      onReset: () => {
        push.reset();
        sms.reset();
        robot.reset();
      },
    }),
    createMiniProgramApi(state, pages, push),
    pay.handler,
  ];

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      try {
        const rawBody = await readBody(request);
        const url = new URL(request.url ?? '/', 'http://sandbox.local');
        for (const handler of handlers) {
          if (await handler(request, response, rawBody, url)) return;
        }
        sendJson(response, 404, { errcode: 404, errmsg: `the sandbox does not imitate ${request.method} ${url.pathname}` });
      } catch (error) {
        console.error('wechat-sandbox:', error);
        if (!response.headersSent) sendJson(response, 500, { errcode: -1, errmsg: 'system error' });
        else response.end();
      }
    })();
  });
  // Clients pool keep-alive sockets (undici keeps an idle one for 4 s): a server that drops idle sockets sooner races
  // its clients, and on a loaded machine the client loses as ECONNRESET. close() below ends every connection anyway.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  return {
    url,
    control: new SandboxControl(url),
    pay: pay.control,
    push: push.control,
    sms: sms.control,
    wecom: robot.control,
    stop: async () => {
      await pay.close();
      push.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
