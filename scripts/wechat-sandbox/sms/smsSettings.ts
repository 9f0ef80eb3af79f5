/**
 * Tencent Cloud SMS's side, as the sandbox plays it: the accounts (SecretId/SecretKey) whose TC3 signatures it
 * accepts, the SMS applications, the approved signatures and templates, the per-number frequency limits set in the
 * console (短信 → 设置 → 发送频率限制), and where its delivery receipts and members' replies are posted.
 */
export interface SmsAccount {
  secretId: string;
  secretKey: string;
}

export interface SandboxSmsTemplate {
  templateId: string;
  /** The approved text, variables as {1}, {2}…; marketing texts end with 拒收请回复R. */
  text: string;
  kind: 'marketing' | 'notification';
}

export interface SmsFrequencyLimits {
  /** The same content to one number within 30 seconds (Tencent's default: 1). */
  sameContentPerThirtySeconds: number;
  /** The same content to one number within an hour (default 5). */
  sameContentPerHour: number;
  /** Any content to one number within a calendar day, Beijing time (default 10). */
  perDay: number;
}

export interface SmsSandboxSettings {
  accounts: SmsAccount[];
  sdkAppIds: string[];
  signNames: string[];
  templates: SandboxSmsTemplate[];
  limits: SmsFrequencyLimits;
  maxParamLength: number;
  /** Where delivery receipts (状态回执) are posted; none while null. */
  statusCallbackUrl: string | null;
  /** Where members' replies (上行回复) are posted; none while null. */
  replyCallbackUrl: string | null;
}

// The BFF's development defaults (bff/src/config/config.ts); a BFF test checks that the two agree.
export const DEV_SMS_ACCOUNT: SmsAccount = { secretId: 'AKIDcakedayDevSmsSecretId000000000000', secretKey: 'cakedayDevSmsSecretKey00000000000' };
export const DEV_SMS_SDK_APP_ID = '1400000000';
export const DEV_SMS_SIGN_NAME = '蛋糕日';

export const sandboxSmsTemplates: SandboxSmsTemplate[] = [
  { templateId: '1900001', kind: 'marketing', text: '亲爱的{1}，还有{2}天就是你的生日，生日礼已放入会员中心，打开小程序即可领取。拒收请回复R' },
  { templateId: '1900002', kind: 'marketing', text: '欢迎加入蛋糕日会员！{1}已放入你的会员账户，打开小程序即可查看。拒收请回复R' },
  { templateId: '1900003', kind: 'marketing', text: '{1}：{2}，详情请打开蛋糕日小程序查看。拒收请回复R' },
];

export function defaultSmsSettings(extraAccounts: readonly SmsAccount[] = []): SmsSandboxSettings {
  return {
    accounts: [{ ...DEV_SMS_ACCOUNT }, ...extraAccounts.map((account) => ({ ...account }))],
    sdkAppIds: [DEV_SMS_SDK_APP_ID],
    signNames: [DEV_SMS_SIGN_NAME],
    templates: sandboxSmsTemplates.map((template) => ({ ...template })),
    limits: { sameContentPerThirtySeconds: 1, sameContentPerHour: 5, perDay: 10 },
    maxParamLength: 20,
    statusCallbackUrl: null,
    replyCallbackUrl: null,
  };
}

/** The BFF's SMS_* variables that point it at this sandbox (dev, e2e, bench): the API under `<sandbox>/tencentcloud/sms`. */
export function bffSmsEnv(sandboxUrl: string, account: SmsAccount = DEV_SMS_ACCOUNT): Record<string, string> {
  return { SMS_API_BASE: `${sandboxUrl}/tencentcloud/sms`, SMS_SECRET_ID: account.secretId, SMS_SECRET_KEY: account.secretKey };
}
