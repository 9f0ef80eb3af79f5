import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, configVariables, loadConfig } from './config';

const valid = { MONGODB_URI: 'mongodb://127.0.0.1:27017/cakeday' };

const productionEnv = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db.internal:27017/cakeday?replicaSet=rs0',
  PUBLIC_BASE_URL: 'https://api.cakeday.example.com',
  SESSION_SECRET: 'a-production-secret-that-is-long-enough-1234',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  DATA_HASH_KEY: Buffer.alloc(32, 9).toString('base64'),
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'real-secret',
  WECHATPAY_MCHID: '1230000109',
  WECHATPAY_MERCHANT_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WECHATPAY_PRIVATE_KEY_PATH: '/run/secrets/wechatpay/apiclient_key.pem',
  WECHATPAY_APIV3_KEY: 'Prod0Apiv3Key0With32Characters00',
  WECHAT_PUSH_TOKEN: 'ProdPushToken2026',
  WECHAT_PUSH_AES_KEY: 'ProdPushEncodingAesKey000000000000000000001',
  WECHAT_TEMPLATE_BIRTHDAY_REMINDER: 'Xq1-birthday-reminder-prod',
  WECHAT_TEMPLATE_BENEFIT_EXPIRING: 'Xq2-benefit-expiring-prod',
  WECHAT_TEMPLATE_ORDER_STATUS: 'Xq3-order-status-prod',
  WECHAT_TEMPLATE_HELP_SUCCEEDED: 'Xq4-help-succeeded-prod',
  SMS_SECRET_ID: 'AKIDprodSmsSecretId1234567890',
  SMS_SECRET_KEY: 'prodSmsSecretKey1234567890abcdef',
  SMS_SDK_APP_ID: '1400123456',
  SMS_TEMPLATE_BIRTHDAY_GREETING: '2100001',
  SMS_TEMPLATE_WELCOME: '2100002',
  SMS_TEMPLATE_CAMPAIGN_NOTICE: '2100003',
  SMS_CALLBACK_TOKEN: 'prod-sms-callback-token-2026',
  WECOM_ALERT_ROBOT_KEY: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
};

describe('loadConfig', () => {
  it('applies defaults for development', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000, WECHAT_API_BASE: 'https://api.weixin.qq.com' });
  });

  it('binds the loopback interface unless HOST says otherwise, in production too', () => {
    expect(loadConfig(valid).HOST).toBe('127.0.0.1');
    expect(loadConfig(productionEnv).HOST).toBe('127.0.0.1');
    expect(loadConfig({ ...productionEnv, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('runs the scheduled jobs unless JOBS_ENABLED is false, and refuses anything else', () => {
    expect(loadConfig(valid).JOBS_ENABLED).toBe(true);
    expect(loadConfig({ ...valid, JOBS_ENABLED: 'false' }).JOBS_ENABLED).toBe(false);
    expect(() => loadConfig({ ...valid, JOBS_ENABLED: 'no' })).toThrow(/JOBS_ENABLED/);
  });

  it('trusts no proxy by default; TRUSTED_PROXIES takes addresses and CIDR blocks and refuses anything else', () => {
    expect(loadConfig(valid).TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ ...valid, TRUSTED_PROXIES: ' 10.0.0.0/8, 192.168.1.4 ,fd00::/8' }).TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '192.168.1.4', 'fd00::/8']);
    for (const wrong of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2', '*', '::1/129']) {
      expect(() => loadConfig({ ...valid, TRUSTED_PROXIES: wrong })).toThrow(/TRUSTED_PROXIES/);
    }
  });

  it('names a missing variable', () => {
    expect(() => loadConfig({})).toThrow(/MONGODB_URI/);
  });

  it('names a malformed variable', () => {
    expect(() => loadConfig({ ...valid, PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...valid, DATA_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/DATA_ENCRYPTION_KEY/);
  });

  it('refuses the business rules that became program settings, naming where each lives now', () => {
    expect(() => loadConfig({ ...valid, POINTS_MULTIPLIER_DIAMOND: '3' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, POINTS_MULTIPLIER_DIAMOND: '3' })).toThrow(/POINTS_MULTIPLIER_DIAMOND: is a program setting now \(points\.earn\.diamond/);
    const message = (() => {
      try {
        loadConfig({ ...valid, TIER_GOLD_MIN_SPEND_FEN: '60000', HELP_GOAL_BASIC: '6', REFERRAL_DAILY_REWARD_CAP: '2', PORT: 'eighty' });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const expected of ['TIER_GOLD_MIN_SPEND_FEN: is a program setting now (tiers.goldFen)', 'HELP_GOAL_BASIC', 'REFERRAL_DAILY_REWARD_CAP', '会员规则设置', 'PORT']) {
      expect(message).toContain(expected);
    }
    // Rate limits stay infrastructure.
    expect(loadConfig({ ...valid, HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE: '5', LOGIN_LIMIT_PER_IP_PER_MINUTE: '7' })).toMatchObject({ HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE: 5, LOGIN_LIMIT_PER_IP_PER_MINUTE: 7 });
  });

  it('the message push: safe mode by default; the token and EncodingAESKey must be shaped as WeChat makes them', () => {
    expect(loadConfig(valid)).toMatchObject({ WECHAT_PUSH_MODE: 'safe', WECHAT_PUSH_HANDLE_BUDGET_MS: 3000 });
    expect(loadConfig({ ...valid, WECHAT_PUSH_MODE: 'compatible' }).WECHAT_PUSH_MODE).toBe('compatible');
    expect(() => loadConfig({ ...valid, WECHAT_PUSH_MODE: 'xml' })).toThrow(/WECHAT_PUSH_MODE/);
    expect(() => loadConfig({ ...valid, WECHAT_PUSH_AES_KEY: 'a'.repeat(42) })).toThrow(/WECHAT_PUSH_AES_KEY/);
    expect(() => loadConfig({ ...valid, WECHAT_PUSH_TOKEN: 'to' })).toThrow(/WECHAT_PUSH_TOKEN/);
  });

  it('SMS: the signature, the region and the template ids must be shaped as Tencent makes them', () => {
    expect(loadConfig(valid)).toMatchObject({ SMS_API_BASE: 'https://sms.tencentcloudapi.com', SMS_REGION: 'ap-guangzhou', SMS_SIGN_NAME: '蛋糕日' });
    expect(() => loadConfig({ ...valid, SMS_SIGN_NAME: '【蛋糕日】' })).toThrow(/SMS_SIGN_NAME/);
    expect(() => loadConfig({ ...valid, SMS_TEMPLATE_WELCOME: 'welcome' })).toThrow(/SMS_TEMPLATE_WELCOME/);
    expect(() => loadConfig({ ...valid, SMS_CALLBACK_TOKEN: 'short' })).toThrow(/SMS_CALLBACK_TOKEN/);
  });

  it('accepts a complete production configuration', () => {
    expect(loadConfig(productionEnv).NODE_ENV).toBe('production');
  });

  it.each([
    ['WECHAT_API_BASE', 'http://127.0.0.1:4100'],
    ['WECHATPAY_API_BASE', 'http://localhost:4100'],
    ['SESSION_SECRET', undefined],
    ['DATA_ENCRYPTION_KEY', undefined],
    ['WECHAT_SECRET', undefined],
    ['WECHATPAY_MCHID', undefined],
    ['WECHATPAY_APIV3_KEY', undefined],
    ['WECHAT_PUSH_TOKEN', undefined],
    ['WECHAT_PUSH_AES_KEY', undefined],
    ['WECHAT_TEMPLATE_BIRTHDAY_REMINDER', undefined],
    ['WECHATPAY_MERCHANT_SERIAL', undefined],
    ['SMS_API_BASE', 'http://127.0.0.1:4100/tencentcloud/sms'],
    ['SMS_SECRET_ID', undefined],
    ['SMS_SECRET_KEY', undefined],
    ['SMS_SDK_APP_ID', undefined],
    ['SMS_TEMPLATE_WELCOME', undefined],
    ['SMS_CALLBACK_TOKEN', undefined],
    ['WECOM_WEBHOOK_BASE', 'http://127.0.0.1:4100'],
    ['WECOM_ALERT_ROBOT_KEY', undefined],
    ['WECHATPAY_PRIVATE_KEY_PATH', undefined],
    ['WECHATPAY_NOTIFY_URL', 'http://api.cakeday.example.com/wechat/pay/notify'],
    ['PUBLIC_BASE_URL', 'http://api.cakeday.example.com'],
  ])('refuses %s=%s (a sandbox URL or a default secret) in production', (key, value) => {
    const env: Record<string, string | undefined> = { ...productionEnv, [key]: value };
    expect(() => loadConfig(env)).toThrow(new RegExp(key));
  });

  describe('BENCHMARK_ALLOW_SANDBOX (npm run bench measures production mode against the local sandbox)', () => {
    const benchEnv = {
      ...productionEnv,
      WECHAT_API_BASE: 'http://127.0.0.1:4100',
      WECHATPAY_API_BASE: 'http://127.0.0.1:4100',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    };

    it('lets a loopback production BFF use sandbox URLs over plain HTTP', () => {
      const config = loadConfig({ ...benchEnv, BENCHMARK_ALLOW_SANDBOX: 'true' });
      expect(config).toMatchObject({ NODE_ENV: 'production', BENCHMARK_ALLOW_SANDBOX: true, WECHAT_API_BASE: 'http://127.0.0.1:4100' });
    });

    it("lets it send the sandbox's subscription templates (the only ones the sandbox knows)", () => {
      const sandboxTemplates = {
        WECHAT_TEMPLATE_BIRTHDAY_REMINDER: undefined,
        WECHAT_TEMPLATE_BENEFIT_EXPIRING: undefined,
        WECHAT_TEMPLATE_ORDER_STATUS: undefined,
        WECHAT_TEMPLATE_HELP_SUCCEEDED: undefined,
      };
      expect(loadConfig({ ...benchEnv, ...sandboxTemplates, BENCHMARK_ALLOW_SANDBOX: 'true' }).WECHAT_TEMPLATE_BIRTHDAY_REMINDER).toBe('sandbox-tmpl-birthday-reminder');
    });

    it('is off by default, so production still refuses the sandbox', () => {
      expect(loadConfig(productionEnv).BENCHMARK_ALLOW_SANDBOX).toBe(false);
      expect(() => loadConfig(benchEnv)).toThrow(/WECHAT_API_BASE/);
    });

    it('is refused unless the BFF listens on loopback only', () => {
      for (const host of ['0.0.0.0', '10.0.0.5', '::']) {
        expect(() => loadConfig({ ...benchEnv, BENCHMARK_ALLOW_SANDBOX: 'true', HOST: host })).toThrow(/BENCHMARK_ALLOW_SANDBOX/);
      }
      expect(loadConfig({ ...benchEnv, BENCHMARK_ALLOW_SANDBOX: 'true', HOST: '::1' }).HOST).toBe('::1');
    });

    it('still refuses the development secrets', () => {
      expect(() => loadConfig({ ...benchEnv, BENCHMARK_ALLOW_SANDBOX: 'true', SESSION_SECRET: undefined })).toThrow(/SESSION_SECRET/);
      expect(() => loadConfig({ ...benchEnv, BENCHMARK_ALLOW_SANDBOX: 'true', WECHATPAY_APIV3_KEY: undefined })).toThrow(/WECHATPAY_APIV3_KEY/);
    });
  });

  describe('TEST_CLOCK (the e2e stack moves the BFF\'s clock)', () => {
    it('is off by default', () => {
      expect(loadConfig(valid).TEST_CLOCK).toBe(false);
      expect(loadConfig(productionEnv).TEST_CLOCK).toBe(false);
    });

    it('may be turned on for a development or test BFF on loopback', () => {
      expect(loadConfig({ ...valid, TEST_CLOCK: 'true' }).TEST_CLOCK).toBe(true);
      expect(loadConfig({ ...valid, NODE_ENV: 'test', TEST_CLOCK: 'true', HOST: '::1' }).TEST_CLOCK).toBe(true);
    });

    it('is refused in production, even on loopback', () => {
      expect(() => loadConfig({ ...productionEnv, TEST_CLOCK: 'true' })).toThrow(/TEST_CLOCK/);
      expect(() => loadConfig({ ...productionEnv, TEST_CLOCK: 'true', BENCHMARK_ALLOW_SANDBOX: 'true' })).toThrow(/TEST_CLOCK/);
    });

    it('is refused on any interface but loopback', () => {
      for (const host of ['0.0.0.0', '10.0.0.5', '::']) expect(() => loadConfig({ ...valid, TEST_CLOCK: 'true', HOST: host })).toThrow(/TEST_CLOCK/);
    });
  });

  describe('metrics', () => {
    it('serves on loopback port 9464 by default, or on none', () => {
      expect(loadConfig(valid)).toMatchObject({ METRICS_PORT: 9464, METRICS_HOST: '127.0.0.1' });
      expect(loadConfig({ ...valid, METRICS_PORT: 'off' }).METRICS_PORT).toBe('off');
      expect(loadConfig({ ...valid, METRICS_PORT: '0' }).METRICS_PORT).toBe(0);
      expect(() => loadConfig({ ...valid, METRICS_PORT: 'none' })).toThrow(/METRICS_PORT/);
    });

    it('needs a token in production to serve beyond loopback', () => {
      expect(() => loadConfig({ ...productionEnv, METRICS_HOST: '0.0.0.0' })).toThrow(/METRICS_TOKEN/);
      expect(loadConfig({ ...productionEnv, METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'a-scrape-token-of-some-length' }).METRICS_HOST).toBe('0.0.0.0');
      expect(loadConfig({ ...productionEnv, METRICS_HOST: '0.0.0.0', METRICS_PORT: 'off' }).METRICS_PORT).toBe('off');
    });
  });

  it('every variable is documented in the README\'s production section', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const production = readme.slice(readme.indexOf('## Production'));
    expect(configVariables.length).toBeGreaterThan(50);
    expect(configVariables.filter((name) => !production.includes(`\`${name}\``))).toEqual([]);
  });
});
