import { z } from 'zod';

export type PushMode = 'plain' | 'safe' | 'compatible';

/**
 * WeChat's side of the message push (开发 → 开发管理 → 消息推送配置): where it pushes and how it signs. The token,
 * key and mode must match the BFF's WECHAT_PUSH_TOKEN / WECHAT_PUSH_AES_KEY / WECHAT_PUSH_MODE.
 */
export interface PushSettings {
  /** The BFF's POST /wechat/message-push URL; nothing is pushed while it is null. */
  url: string | null;
  token: string;
  /** The 43-character EncodingAESKey. */
  aesKey: string;
  /** Whose mini-program the pushes are for (the appid sealed in an encrypted push); null: the sandbox's first app. */
  appid: string | null;
  /** plain: signature only; safe: the body encrypted and msg_signature; compatible: both in one body. */
  mode: PushMode;
  /** Further attempts when the receiver does not answer `success` (WeChat: 3). */
  retries: number;
  /** Wait before each retry (WeChat retries after its 5-second timeout); tests use 0. */
  retryDelayMs: number;
  /** How long the receiver may take to answer (WeChat: 5 s). */
  timeoutMs: number;
  /** When a media verdict is pushed after its check: after this many ms, or only when asked ('manual'). */
  mediaVerdictDelayMs: number | 'manual';
}

// The BFF's development defaults (bff/src/config/config.ts); a BFF test checks that the two agree.
export const DEV_PUSH_TOKEN = 'cakedayDevPushToken2026';
export const DEV_PUSH_AES_KEY = 'cakedayDevPushAesKey00000000000000000000000';

export const defaultPushSettings: PushSettings = {
  url: null,
  token: DEV_PUSH_TOKEN,
  aesKey: DEV_PUSH_AES_KEY,
  appid: null,
  mode: 'safe',
  retries: 3,
  retryDelayMs: 5000,
  timeoutMs: 5000,
  mediaVerdictDelayMs: 'manual',
};

/** The mini-program's original id, ToUserName of every push. */
export const SANDBOX_ORIGINAL_ID = 'gh_cakedaysandbox';

export const pushSettingsPatch = z
  .object({
    url: z.url().nullable(),
    token: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'WeChat takes 3-32 letters or digits'),
    aesKey: z.string().regex(/^[A-Za-z0-9]{43}$/, 'an EncodingAESKey is 43 letters or digits'),
    appid: z.string().min(1).nullable(),
    mode: z.enum(['plain', 'safe', 'compatible']),
    retries: z.number().int().min(0).max(10),
    retryDelayMs: z.number().int().min(0).max(600_000),
    timeoutMs: z.number().int().min(10).max(60_000),
    mediaVerdictDelayMs: z.union([z.number().int().min(0).max(3_600_000), z.literal('manual')]),
  })
  .partial();

export type PushSettingsPatch = z.infer<typeof pushSettingsPatch>;

/**
 * The push settings from the environment (`npm run sandbox`, `npm run dev`): WECHAT_SANDBOX_PUSH_URL, and the BFF's
 * own WECHAT_PUSH_TOKEN / WECHAT_PUSH_AES_KEY / WECHAT_PUSH_MODE so that one environment configures both sides;
 * WECHAT_SANDBOX_MEDIA_VERDICT_DELAY_MS (a number, or `manual`; 3000 by default here).
 */
export function pushSettingsFromEnv(env: NodeJS.ProcessEnv): PushSettingsPatch {
  const delay = env.WECHAT_SANDBOX_MEDIA_VERDICT_DELAY_MS ?? '3000';
  return pushSettingsPatch.parse({
    url: env.WECHAT_SANDBOX_PUSH_URL || null,
    token: env.WECHAT_PUSH_TOKEN || undefined,
    aesKey: env.WECHAT_PUSH_AES_KEY || undefined,
    mode: env.WECHAT_PUSH_MODE || undefined,
    mediaVerdictDelayMs: delay === 'manual' ? 'manual' : Number(delay),
  });
}

/** The BFF's WECHAT_PUSH_* settings that match the sandbox's (for the processes `npm run dev` and the e2e run start). */
export function bffPushEnv(settings: Pick<PushSettings, 'token' | 'aesKey' | 'mode'>): Record<string, string> {
  return { WECHAT_PUSH_TOKEN: settings.token, WECHAT_PUSH_AES_KEY: settings.aesKey, WECHAT_PUSH_MODE: settings.mode };
}
