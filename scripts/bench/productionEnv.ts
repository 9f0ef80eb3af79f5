import { randomBytes } from 'node:crypto';
import { bffPayEnv, generatePayKeys, type PayKeyMaterial } from '../wechat-sandbox/pay';
import type { SandboxApp } from '../wechat-sandbox/config';
import { bffSmsEnv, type SmsAccount } from '../wechat-sandbox/sms/smsSettings';

/** A mini-program and merchant of the bench's own: production refuses the development appid and mchid. */
const BENCH_APPID = 'wxbe4c0000000000be';
const BENCH_MCHID = '1900000777';

/** Everything secret a run's BFFs share: fresh for every run, never a development default. */
export interface BenchSecrets {
  app: SandboxApp;
  payKeys: PayKeyMaterial;
  sessionSecret: string;
  dataEncryptionKey: string;
  dataHashKey: string;
  /** The message push's Token and EncodingAESKey (production refuses the development ones). */
  pushToken: string;
  pushAesKey: string;
  /** Tencent Cloud SMS: an account the sandbox is told about, and the callbacks' token. */
  smsAccount: SmsAccount;
  smsCallbackToken: string;
}

/** `length` letters and digits, as WeChat's push Token and EncodingAESKey are made of. */
function alphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

export function generateBenchSecrets(): BenchSecrets {
  return {
    app: { appid: BENCH_APPID, secret: randomBytes(16).toString('hex') },
    payKeys: generatePayKeys({ appid: BENCH_APPID, mchid: BENCH_MCHID }),
    sessionSecret: randomBytes(32).toString('base64url'),
    dataEncryptionKey: randomBytes(32).toString('base64'),
    dataHashKey: randomBytes(32).toString('base64'),
    pushToken: alphanumeric(32),
    pushAesKey: alphanumeric(43),
    smsAccount: { secretId: `AKID${alphanumeric(32)}`, secretKey: alphanumeric(32) },
    smsCallbackToken: alphanumeric(32),
  };
}

export interface BffInstanceEnv {
  port: number;
  metricsPort: number;
  mongoUri: string;
  sandboxUrl: string;
  jobsEnabled: boolean;
}

/**
 * A production configuration (NODE_ENV=production, info-level JSON logs, real-strength secrets) whose only exception
 * is BENCHMARK_ALLOW_SANDBOX: WeChat is the local sandbox over plain HTTP and PUBLIC_BASE_URL is loopback, which the
 * BFF accepts only while it listens on loopback. The bench stands in for the load balancer, so TRUSTED_PROXIES
 * names it and each simulated client has an X-Forwarded-For address of its own (per-IP limits apply per client).
 */
export function productionBffEnv(secrets: BenchSecrets, instance: BffInstanceEnv): Record<string, string> {
  return {
    NODE_ENV: 'production',
    BENCHMARK_ALLOW_SANDBOX: 'true',
    HOST: '127.0.0.1',
    PORT: String(instance.port),
    LOG_LEVEL: 'info',
    MONGODB_URI: instance.mongoUri,
    PUBLIC_BASE_URL: `http://127.0.0.1:${instance.port}`,
    TRUSTED_PROXIES: '127.0.0.1',
    JOBS_ENABLED: String(instance.jobsEnabled),
    METRICS_PORT: String(instance.metricsPort),
    SESSION_SECRET: secrets.sessionSecret,
    DATA_ENCRYPTION_KEY: secrets.dataEncryptionKey,
    DATA_HASH_KEY: secrets.dataHashKey,
    WECHAT_API_BASE: instance.sandboxUrl,
    WECOM_WEBHOOK_BASE: instance.sandboxUrl,
    WECHAT_SECRET: secrets.app.secret,
    WECHAT_PUSH_TOKEN: secrets.pushToken,
    WECHAT_PUSH_AES_KEY: secrets.pushAesKey,
    ...bffPayEnv(secrets.payKeys, instance.sandboxUrl),
    ...bffSmsEnv(instance.sandboxUrl, secrets.smsAccount),
    SMS_CALLBACK_TOKEN: secrets.smsCallbackToken,
  };
}
