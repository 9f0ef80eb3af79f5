import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config';
import {
  SMS_API_PATH,
  startWechatSandbox,
  type PushMode,
  type PushSandboxControl,
  type RobotSandboxControl,
  type RunningWechatSandbox,
  type SandboxControl,
  type SmsSandboxControl,
} from '../../../scripts/wechat-sandbox';
import { MESSAGE_PUSH_PATH } from '../wechat/messagePush/messagePushRoute';
import { testConfig } from './app';

// Not the development defaults: the BFF must take its push secrets from its configuration.
export const TEST_PUSH_TOKEN = 'cakedayTestPushToken';
export const TEST_PUSH_AES_KEY = 'TestPushEncodingAesKeyForTheBffTests0000001';
export const TEST_SMS_CALLBACK_TOKEN = 'cakedayTestSmsCallbackToken';

export interface WechatSandboxHarness {
  /** The sandbox's base URL (WECHAT_API_BASE); available from beforeAll on. */
  url(): string;
  /** The typed control API over HTTP: login and phone codes, subscriptions, faults, the outbox, pushes, media checks. */
  control(): SandboxControl;
  /** The message push's controls in-process (settled(id) to await a delivery). */
  push(): PushSandboxControl;
  /** Tencent Cloud SMS's controls in-process: the outbox, delivery receipts, a member's reply. */
  sms(): SmsSandboxControl;
  /** 企业微信's group robot's controls in-process: the posted messages, faults. */
  wecom(): RobotSandboxControl;
  /**
   * testConfig() pointing the BFF's WeChat adapters at this sandbox, with the push token, EncodingAESKey and mode
   * the sandbox signs with.
   */
  config(overrides?: Partial<Record<keyof Config, string>>): Config;
  /** Routes the sandbox's pushes to this listener, e.g. the test app's `server` from buildTestApp (supertest apps do not listen). */
  serve(listener: RequestListener): void;
  /**
   * The base URL of that listener (with `push`): as PUBLIC_BASE_URL, what the sandbox fetches for mediaCheckAsync
   * (the photos the BFF serves) reaches the served app too.
   */
  appUrl(): string;
}

export interface WechatSandboxOptions {
  /**
   * The sandbox pushes events (subscription answers, send receipts, media verdicts) to a real HTTP listener that
   * forwards to the app given to serve(), in this mode (the sandbox's mode can change later: control().configurePush).
   * Retries come at once, and verdicts only when deliverMediaVerdicts() is called.
   */
  push?: { mode?: PushMode };
}

/**
 * One real WeChat sandbox per jest file, over HTTP on a free port: started in beforeAll, stopped in afterAll.
 * Register it before building the app, and build the app in a beforeAll (the URL exists only from then on).
 */
export function useWechatSandbox(options: WechatSandboxOptions = {}): WechatSandboxHarness {
  let running: RunningWechatSandbox | undefined;
  let target: RequestListener | undefined;
  let stopListener: (() => Promise<void>) | undefined;
  let listenerUrl: string | null = null;
  beforeAll(async () => {
    let pushUrl: string | null = null;
    if (options.push) {
      const listener = createServer((request, response) => {
        if (target) return void target(request, response);
        response.writeHead(503, { 'Content-Type': 'text/plain' });
        response.end('no app is served yet');
      });
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', () => resolve()));
      stopListener = () =>
        new Promise<void>((resolve) => {
          listener.close(() => resolve());
          listener.closeAllConnections();
        });
      listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
      pushUrl = `${listenerUrl}${MESSAGE_PUSH_PATH}`;
    }
    running = await startWechatSandbox({
      port: 0,
      push: {
        url: pushUrl,
        token: TEST_PUSH_TOKEN,
        aesKey: TEST_PUSH_AES_KEY,
        mode: options.push?.mode ?? 'safe',
        retryDelayMs: 0,
        // The app shares the test process's CPU with the sandbox.
        timeoutMs: 30_000,
        mediaVerdictDelayMs: 'manual',
      },
      // Tencent's SMS receipts and replies go to the same listener, with the token the BFF's config expects.
      sms: listenerUrl
        ? {
            statusCallbackUrl: `${listenerUrl}/sms/callbacks/status?token=${TEST_SMS_CALLBACK_TOKEN}`,
            replyCallbackUrl: `${listenerUrl}/sms/callbacks/reply?token=${TEST_SMS_CALLBACK_TOKEN}`,
          }
        : {},
    });
  });
  afterAll(async () => {
    await running?.stop();
    await stopListener?.();
  });
  const started = (): RunningWechatSandbox => {
    if (!running) throw new Error('useWechatSandbox: the sandbox starts in beforeAll; build the app in a beforeAll too');
    return running;
  };
  return {
    url: () => started().url,
    control: () => started().control,
    push: () => started().push,
    sms: () => started().sms,
    wecom: () => started().wecom,
    config: (overrides = {}) =>
      testConfig({
        WECHAT_API_BASE: started().url,
        SMS_API_BASE: `${started().url}${SMS_API_PATH}`,
        WECOM_WEBHOOK_BASE: started().url,
        SMS_CALLBACK_TOKEN: TEST_SMS_CALLBACK_TOKEN,
        WECHAT_PUSH_TOKEN: TEST_PUSH_TOKEN,
        WECHAT_PUSH_AES_KEY: TEST_PUSH_AES_KEY,
        WECHAT_PUSH_MODE: started().push.settings().mode,
        ...overrides,
      }),
    serve: (listener) => {
      if (!options.push) throw new Error('useWechatSandbox({ push: {} }) starts the listener pushes go to');
      target = listener;
    },
    appUrl: () => {
      if (!listenerUrl) throw new Error('useWechatSandbox({ push: {} }) starts the listener the app is served on');
      return listenerUrl;
    },
  };
}
