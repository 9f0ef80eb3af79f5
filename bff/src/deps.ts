import { createSessionAuthenticator } from './auth/authenticate';
import type { Config } from './config/config';
import { createIntegrationLimiter } from './integrations/integrationLimiter';
import { pingDatabase } from './db/database';
import type { AppDeps } from './http/deps';
import type { Logger } from './logger';
import { createWechatClients } from './wechat/clients';
import { createOperatorAuthenticator } from './operators/authenticateOperator';
import { createSettingsSource } from './settings/settingsSource';
import { photoStoreFor } from './community/photos/photoStoreFor';
import { defaultPushHandlers } from './wechat/messagePush/pushHandlerTable';
import { createTencentSms } from './sms/tencentSms';
import { createWecomRobot } from './wecom/wecomRobot';

/** The production wiring of the app's dependencies; tests override what they need. */
export function createDeps(config: Config, logger: Logger, overrides: Partial<AppDeps> = {}): AppDeps {
  const now = overrides.now ?? ((): Date => new Date());
  return {
    config,
    logger,
    authenticate: createSessionAuthenticator(config, now),
    authenticateOperator: createOperatorAuthenticator(config, now),
    integrationLimiter: createIntegrationLimiter(config),
    settings: overrides.settings ?? createSettingsSource(),
    now,
    databaseReady: pingDatabase,
    wechat: overrides.wechat ?? createWechatClients(config, logger),
    // Signed with the real clock: Tencent refuses a timestamp more than 5 minutes from its own.
    sms: overrides.sms ?? createTencentSms(config),
    wecomRobot: overrides.wecomRobot ?? createWecomRobot(config),
    photos: overrides.photos ?? photoStoreFor(config),
    pushHandlers: overrides.pushHandlers ?? defaultPushHandlers(),
    ...overrides,
  };
}
