import path from 'node:path';
import { z } from 'zod';
import { parseProxyEntry } from '../http/clientAddress';

const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me-0000000000';
// 32 zero bytes: fine for development, refused in production. The seed encrypts the demo member's phone with it.
export const DEV_DATA_KEY = Buffer.alloc(32).toString('base64');

const DEV_WECHATPAY_MCHID = '1900000109';
// 32 characters: fine for development, refused in production.
const DEV_WECHATPAY_APIV3_KEY = 'cakeday-dev-apiv3-key-0000000000';

// The message push's token and EncodingAESKey for development (the sandbox's defaults too), refused in production.
const DEV_WECHAT_PUSH_TOKEN = 'cakedayDevPushToken2026';
const DEV_WECHAT_PUSH_AES_KEY = 'cakedayDevPushAesKey00000000000000000000000';

// Tencent Cloud SMS for development (the sandbox's account), refused in production.
export const DEV_SMS_SECRET_ID = 'AKIDcakedayDevSmsSecretId000000000000';
const DEV_SMS_SECRET_KEY = 'cakedayDevSmsSecretKey00000000000';
const DEV_SMS_SDK_APP_ID = '1400000000';
const DEV_SMS_CALLBACK_TOKEN = 'cakedayDevSmsCallbackToken2026';
// The ops group's 企业微信 robot for development (the sandbox's robot), refused in production.
const DEV_WECOM_ROBOT_KEY = 'cakeday-dev-ops-robot-0000-0000-000000000000';
/** The sandbox's approved SMS templates (scripts/wechat-sandbox/sms), refused in production. */
export const SANDBOX_SMS_TEMPLATE_IDS = { birthdayGreeting: '1900001', welcome: '1900002', campaignNotice: '1900003' } as const;

const SANDBOX_HOST = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/;
const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/;

/** Whether an interface name or address is this machine's loopback (nothing outside the host can reach it). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host);
}

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** The interface to listen on: loopback unless told otherwise (deployments behind a load balancer set 0.0.0.0). */
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI'),
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default('64kb'),
    /**
     * How long an idle keep-alive connection stays open. Longer than the load balancer's own idle timeout (60 s on
     * most), or the balancer reuses a connection the BFF just closed and its client gets a 502 (Node's default is 5 s).
     */
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(65_000),
    /**
     * Prometheus metrics (/metrics) on a port of their own, never the public one: 'off' serves none, 0 picks a free
     * port (logged). Loopback by default; any other METRICS_HOST needs METRICS_TOKEN in production.
     */
    METRICS_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).default(9464),
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    /** When set, a scrape must send `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: z.string().min(16).optional(),
    /**
     * Benchmarks only (npm run bench): lets a production-mode BFF bound to loopback talk to the local WeChat sandbox
     * over plain HTTP. Every other production rule (secrets, keys) still holds; the BFF warns at start-up.
     */
    BENCHMARK_ALLOW_SANDBOX: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
    /**
     * End-to-end runs only: the BFF's clock can be moved forward through /__test/clock (a campaign's T-7 and T-0
     * in one run). Refused in production and on any HOST but loopback.
     */
    TEST_CLOCK: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
    /** Jobs hold leases in MongoDB, so every instance may run the scheduler; 'false' opts this one out. */
    JOBS_ENABLED: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
    /** Where WeChat reaches this BFF (WeChat Pay notify_url); HTTPS in production. */
    PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3000'),
    /**
     * Proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDR blocks, e.g. the load balancer's
     * subnet); empty trusts none, and the client's address is the socket's peer.
     */
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
      .refine((entries) => entries.every((entry) => parseProxyEntry(entry) !== null), 'must be comma-separated IP addresses or CIDR blocks'),
    /** Origins allowed to call the API from a browser (the H5 build); comma-separated. */
    CORS_ORIGINS: z.string().default(''),
    SESSION_SECRET: z.string().min(32).default(DEV_SESSION_SECRET),
    DATA_ENCRYPTION_KEY: base64Key.default(DEV_DATA_KEY),
    DATA_HASH_KEY: base64Key.default(DEV_DATA_KEY),
    WECHAT_APPID: z.string().regex(/^wx[0-9a-f]{16}$/, 'must look like wx + 16 hex digits').default('wx0000000000000000'),
    WECHAT_SECRET: z.string().min(1).default('dev-secret'),
    WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
    /** How long a call to WeChat may take before it counts as WeChat being unavailable. */
    WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    WECHATPAY_API_BASE: z.url().default('https://api.mch.weixin.qq.com'),
    // WeChat Pay v3 (bff/src/wechat/pay): each key inline (PEM) or as a file path; `npm run dev` uses .data/wechatpay-dev/.
    WECHATPAY_MCHID: z.string().regex(/^\d{1,32}$/, 'must be the merchant number').default(DEV_WECHATPAY_MCHID),
    WECHATPAY_MERCHANT_SERIAL: z.string().regex(/^[0-9A-Fa-f]{1,64}$/, 'must be the merchant API certificate serial (hex)').optional(),
    WECHATPAY_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
    WECHATPAY_PRIVATE_KEY_PATH: z.string().min(1).optional(),
    /** The APIv3 key: 32 characters, the AES-256-GCM key of notifications and /v3/certificates. */
    WECHATPAY_APIV3_KEY: z.string().length(32).default(DEV_WECHATPAY_APIV3_KEY),
    /** WeChat Pay public-key mode; without it only platform certificates (downloaded from /v3/certificates) verify. */
    WECHATPAY_PUBLIC_KEY_ID: z.string().regex(/^PUB_KEY_ID_\w+$/, 'must start with PUB_KEY_ID_').optional(),
    WECHATPAY_PUBLIC_KEY: z.string().includes('PUBLIC KEY', { message: 'must be a PEM public key' }).optional(),
    WECHATPAY_PUBLIC_KEY_PATH: z.string().min(1).optional(),
    /** Optional platform certificate(s) to trust before the first /v3/certificates download. */
    WECHATPAY_PLATFORM_CERT_PATH: z.string().min(1).optional(),
    /** Default: PUBLIC_BASE_URL + /wechat/pay/notify. */
    WECHATPAY_NOTIFY_URL: z.url().optional(),
    // WeChat's message push (消息推送配置) to /wechat/message-push: the Token, the EncodingAESKey and the mode set there.
    WECHAT_PUSH_TOKEN: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3-32 letters or digits (as WeChat takes it)').default(DEV_WECHAT_PUSH_TOKEN),
    WECHAT_PUSH_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').default(DEV_WECHAT_PUSH_AES_KEY),
    /** plain: signature only (the body is not signed); safe: encrypted and signed (recommended); compatible: both accepted. */
    WECHAT_PUSH_MODE: z.enum(['plain', 'safe', 'compatible']).default('safe'),
    /** How long a push's handlers may run before `success` is answered anyway (WeChat gives up after 5 s); the rest finish later. */
    WECHAT_PUSH_HANDLE_BUDGET_MS: z.coerce.number().int().min(0).max(4000).default(3000),
    // Subscription message templates: the ids WeChat gave the account's templates (订阅消息 → 我的模板), by Cakeday's key.
    WECHAT_TEMPLATE_BIRTHDAY_REMINDER: z.string().min(1).max(128).default('sandbox-tmpl-birthday-reminder'),
    WECHAT_TEMPLATE_BENEFIT_EXPIRING: z.string().min(1).max(128).default('sandbox-tmpl-benefit-expiring'),
    WECHAT_TEMPLATE_ORDER_STATUS: z.string().min(1).max(128).default('sandbox-tmpl-order-status'),
    WECHAT_TEMPLATE_HELP_SUCCEEDED: z.string().min(1).max(128).default('sandbox-tmpl-help-succeeded'),
    // Tencent Cloud SMS (the second channel): SendSms, API 3.0, signed TC3-HMAC-SHA256.
    SMS_API_BASE: z.url().default('https://sms.tencentcloudapi.com'),
    SMS_REGION: z.string().regex(/^[a-z]+-[a-z]+$/, 'must be a Tencent Cloud region such as ap-guangzhou').default('ap-guangzhou'),
    SMS_SECRET_ID: z.string().min(8).default(DEV_SMS_SECRET_ID),
    SMS_SECRET_KEY: z.string().min(16).default(DEV_SMS_SECRET_KEY),
    /** 短信应用 SDK AppID (1400…). */
    SMS_SDK_APP_ID: z.string().regex(/^\d{10}$/, 'must be the SMS application SdkAppId (10 digits)').default(DEV_SMS_SDK_APP_ID),
    /** The approved signature, without 【】. */
    SMS_SIGN_NAME: z.string().regex(/^[\p{Script=Han}A-Za-z0-9]{2,12}$/u, 'must be the approved signature: 2-12 Chinese characters, letters or digits').default('蛋糕日'),
    SMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    // The ids Tencent gave the approved templates (正文模板管理), by Cakeday's key (shared/src/sms/sms.templates.ts).
    SMS_TEMPLATE_BIRTHDAY_GREETING: z.string().regex(/^\d{1,10}$/, 'must be a template id').default(SANDBOX_SMS_TEMPLATE_IDS.birthdayGreeting),
    SMS_TEMPLATE_WELCOME: z.string().regex(/^\d{1,10}$/, 'must be a template id').default(SANDBOX_SMS_TEMPLATE_IDS.welcome),
    SMS_TEMPLATE_CAMPAIGN_NOTICE: z.string().regex(/^\d{1,10}$/, 'must be a template id').default(SANDBOX_SMS_TEMPLATE_IDS.campaignNotice),
    /**
     * Tencent signs neither its delivery receipts nor the members' replies: the callback URLs configured in the SMS
     * console carry this secret (`/sms/callbacks/status?token=…`), and a callback without it is refused.
     */
    SMS_CALLBACK_TOKEN: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be 16-128 letters, digits, - or _').default(DEV_SMS_CALLBACK_TOKEN),
    // 企业微信 group robot (群机器人) of the ops group: the on-duty operators' alert notices (bff/src/insights/alertNotices).
    WECOM_WEBHOOK_BASE: z.url().default('https://qyapi.weixin.qq.com'),
    /** The robot's webhook key (the `key=` of its webhook URL): a secret, anyone holding it posts to the group. */
    WECOM_ALERT_ROBOT_KEY: z.string().regex(/^[A-Za-z0-9-]{8,128}$/, 'must be the robot webhook key (the key= of its URL)').default(DEV_WECOM_ROBOT_KEY),
    WECOM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** Campaign sends per second across all BFF instances (WeChat limits the account's send rate). */
    CAMPAIGN_SEND_RATE_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(50),
    /** Dispatch workers each BFF instance runs (they claim batches by lease; 0 keeps this instance out of dispatch). */
    CAMPAIGN_DISPATCH_WORKERS: z.coerce.number().int().min(0).max(8).default(1),
    /** A delivery still `sending` this long after its send began (a crash) is settled by WeChat's receipt or marked unknown. */
    CAMPAIGN_SENDING_SETTLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
    // members: sessions and login limits (business rules are program settings: bff/src/settings/, not variables)
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(7200),
    LOGIN_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    LOGIN_LIMIT_PER_OPENID_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    // birthday friend help (助力): rate limits of the assist endpoint
    HELP_ASSIST_LIMIT_PER_MEMBER_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    // the ops console: operators' sessions and logins
    OPS_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    OPS_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
    OPS_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    OPS_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    /** Signed requests per integration (a till, the online shop) per minute. */
    INTEGRATION_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    OPS_LOGIN_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    /** Two-factor for admins; on by default in production, where it cannot be turned off. */
    OPS_TOTP_REQUIRED_FOR_ADMIN: z.enum(['true', 'false']).optional().transform((value) => (value === undefined ? undefined : value === 'true')),
    /** scrypt's cost for operator passwords (a power of two); tests lower it, production refuses less than 2^14. */
    OPS_PASSWORD_SCRYPT_N: z.coerce.number().int().min(2).max(2 ** 20).refine((value) => (value & (value - 1)) === 0, 'must be a power of two').default(2 ** 15),
    /** Origins allowed to call ops routes from a browser besides the BFF's own (the console's dev server). */
    OPS_CONSOLE_ORIGINS: z.string().default(''),
    // community photos: GridFS in the app's MongoDB, or an S3-compatible bucket
    PHOTO_STORE: z.enum(['gridfs', 's3']).default('gridfs'),
    /** An S3-compatible endpoint (MinIO, COS, OSS…); empty for AWS itself. */
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_BUCKET: z.string().min(3).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
    S3_KEY_PREFIX: z.string().default('community/'),
    /** The ops console's build, served under /console/ (`npm run build` makes it); from src/ and dist/ alike. */
    OPS_CONSOLE_DIST: z.string().min(1).default(path.resolve(__dirname, '../../../console/dist')),
  })
  .superRefine((config, ctx) => {
    if (config.PHOTO_STORE === 's3') {
      for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!config[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required with PHOTO_STORE=s3' });
      }
    }
    if (config.TEST_CLOCK && (config.NODE_ENV === 'production' || !isLoopbackHost(config.HOST))) {
      ctx.addIssue({ code: 'custom', path: ['TEST_CLOCK'], message: 'moves the clock: for end-to-end runs on a loopback HOST, refused in production' });
    }
    if (config.NODE_ENV !== 'production') return;
    const refuse = (key: keyof typeof config, message: string): void => {
      ctx.addIssue({ code: 'custom', path: [key], message });
    };
    const sandboxAllowed = config.BENCHMARK_ALLOW_SANDBOX && isLoopbackHost(config.HOST);
    if (config.BENCHMARK_ALLOW_SANDBOX && !sandboxAllowed) refuse('BENCHMARK_ALLOW_SANDBOX', 'is for benchmarks on a loopback HOST only');
    if (!sandboxAllowed) {
      for (const key of ['WECHAT_API_BASE', 'WECHATPAY_API_BASE', 'PUBLIC_BASE_URL', 'SMS_API_BASE', 'WECOM_WEBHOOK_BASE'] as const) {
        if (SANDBOX_HOST.test(config[key])) refuse(key, 'points at a local sandbox, refused in production');
      }
    }
    if (config.METRICS_PORT !== 'off' && !isLoopbackHost(config.METRICS_HOST) && !config.METRICS_TOKEN) {
      refuse('METRICS_TOKEN', 'is required in production when METRICS_HOST is not loopback');
    }
    if (config.SESSION_SECRET === DEV_SESSION_SECRET) refuse('SESSION_SECRET', 'is the development default');
    if (config.DATA_ENCRYPTION_KEY === DEV_DATA_KEY) refuse('DATA_ENCRYPTION_KEY', 'is the development default');
    if (config.DATA_HASH_KEY === DEV_DATA_KEY) refuse('DATA_HASH_KEY', 'is the development default');
    if (config.WECHAT_SECRET === 'dev-secret') refuse('WECHAT_SECRET', 'is the development default');
    if (config.WECHAT_APPID === 'wx0000000000000000') refuse('WECHAT_APPID', 'is the development default');
    if (config.WECHATPAY_MCHID === DEV_WECHATPAY_MCHID) refuse('WECHATPAY_MCHID', 'is the development default');
    if (config.WECHATPAY_APIV3_KEY === DEV_WECHATPAY_APIV3_KEY) refuse('WECHATPAY_APIV3_KEY', 'is the development default');
    if (config.WECHAT_PUSH_TOKEN === DEV_WECHAT_PUSH_TOKEN) refuse('WECHAT_PUSH_TOKEN', 'is the development default');
    if (config.WECHAT_PUSH_AES_KEY === DEV_WECHAT_PUSH_AES_KEY) refuse('WECHAT_PUSH_AES_KEY', 'is the development default');
    for (const key of ['WECHAT_TEMPLATE_BIRTHDAY_REMINDER', 'WECHAT_TEMPLATE_BENEFIT_EXPIRING', 'WECHAT_TEMPLATE_ORDER_STATUS', 'WECHAT_TEMPLATE_HELP_SUCCEEDED'] as const) {
      // The sandbox knows its own template ids only: the bench's production BFFs send those.
      if (config[key].startsWith('sandbox-') && !sandboxAllowed) refuse(key, 'is the sandbox template, refused in production');
    }
    if (config.SMS_SECRET_ID === DEV_SMS_SECRET_ID) refuse('SMS_SECRET_ID', 'is the development default');
    if (config.SMS_SECRET_KEY === DEV_SMS_SECRET_KEY) refuse('SMS_SECRET_KEY', 'is the development default');
    if (config.SMS_SDK_APP_ID === DEV_SMS_SDK_APP_ID && !sandboxAllowed) refuse('SMS_SDK_APP_ID', 'is the sandbox application, refused in production');
    if (config.SMS_CALLBACK_TOKEN === DEV_SMS_CALLBACK_TOKEN) refuse('SMS_CALLBACK_TOKEN', 'is the development default');
    for (const key of ['SMS_TEMPLATE_BIRTHDAY_GREETING', 'SMS_TEMPLATE_WELCOME', 'SMS_TEMPLATE_CAMPAIGN_NOTICE'] as const) {
      if ((Object.values(SANDBOX_SMS_TEMPLATE_IDS) as string[]).includes(config[key]) && !sandboxAllowed) refuse(key, 'is the sandbox template, refused in production');
    }
    if (config.WECOM_ALERT_ROBOT_KEY === DEV_WECOM_ROBOT_KEY && !sandboxAllowed) refuse('WECOM_ALERT_ROBOT_KEY', 'is the sandbox robot, refused in production');
    if (!config.WECHATPAY_MERCHANT_SERIAL) refuse('WECHATPAY_MERCHANT_SERIAL', 'is required in production');
    if (!config.WECHATPAY_PRIVATE_KEY && !config.WECHATPAY_PRIVATE_KEY_PATH) refuse('WECHATPAY_PRIVATE_KEY', 'or WECHATPAY_PRIVATE_KEY_PATH is required in production');
    if (config.WECHATPAY_PUBLIC_KEY_ID && !config.WECHATPAY_PUBLIC_KEY && !config.WECHATPAY_PUBLIC_KEY_PATH) refuse('WECHATPAY_PUBLIC_KEY', 'or WECHATPAY_PUBLIC_KEY_PATH is required with WECHATPAY_PUBLIC_KEY_ID');
    if (config.WECHATPAY_NOTIFY_URL && !config.WECHATPAY_NOTIFY_URL.startsWith('https://') && !sandboxAllowed) refuse('WECHATPAY_NOTIFY_URL', 'must be HTTPS in production');
    if (config.OPS_TOTP_REQUIRED_FOR_ADMIN === false) refuse('OPS_TOTP_REQUIRED_FOR_ADMIN', 'cannot be turned off in production');
    if (config.OPS_PASSWORD_SCRYPT_N < 2 ** 14) refuse('OPS_PASSWORD_SCRYPT_N', 'is below 2^14, too cheap for production');
    if (!config.PUBLIC_BASE_URL.startsWith('https://') && !sandboxAllowed) refuse('PUBLIC_BASE_URL', 'must be HTTPS in production');
  });

export type Config = z.infer<typeof configSchema>;

/** Every environment variable the BFF reads (the README's production section lists each). */
export const configVariables: readonly string[] = Object.keys(configSchema.shape);

/** Whether an admin must have two-factor on before their session may do anything. */
export function totpRequiredForAdmin(config: Pick<Config, 'NODE_ENV' | 'OPS_TOTP_REQUIRED_FOR_ADMIN'>): boolean {
  return config.OPS_TOTP_REQUIRED_FOR_ADMIN ?? config.NODE_ENV === 'production';
}

export class ConfigError extends Error {}

/**
 * Business rules that were environment variables and are now program settings (versioned in the database, edited
 * in the ops console's 会员规则设置 through ops.settings.update): a deployment still setting one would silently lose
 * its value, so start-up refuses it and names where the value lives now.
 */
export const MOVED_TO_PROGRAM_SETTINGS: Readonly<Record<string, string>> = {
  TIER_GOLD_MIN_SPEND_FEN: 'tiers.goldFen',
  TIER_DIAMOND_MIN_SPEND_FEN: 'tiers.diamondFen',
  POINTS_MULTIPLIER_BASIC: 'points.earn.basic (pointsPerYuanPermille, birthdayMonthPointsPerYuanPermille)',
  POINTS_MULTIPLIER_GOLD: 'points.earn.gold (pointsPerYuanPermille, birthdayMonthPointsPerYuanPermille)',
  POINTS_MULTIPLIER_DIAMOND: 'points.earn.diamond (pointsPerYuanPermille, birthdayMonthPointsPerYuanPermille)',
  POINTS_MULTIPLIER_BIRTHDAY_MONTH: 'points.earn.<tier>.birthdayMonthPointsPerYuanPermille',
  POINTS_LIFETIME_YEARS: 'points.lifetimeYears',
  HELP_GOAL_BASIC: 'help.goals.basic',
  HELP_GOAL_GOLD: 'help.goals.gold',
  HELP_GOAL_DIAMOND: 'help.goals.diamond',
  HELP_GIFT_TEMPLATE_CODE: 'help.giftTemplateCode',
  REFERRAL_DAILY_REWARD_CAP: 'referral.dailyRewardCap',
};

function movedVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(MOVED_TO_PROGRAM_SETTINGS)
    .filter(([name]) => env[name] !== undefined)
    .map(([name, path]) => `  ${name}: is a program setting now (${path}); set it in the ops console (会员规则设置) and remove it from the environment`);
}

/** Reads and validates the configuration; the message names every missing, malformed or retired variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(config)'}: ${issue.message}`)),
    ...movedVariables(env),
  ];
  if (parsed.success && problems.length === 0) return parsed.data;
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}
