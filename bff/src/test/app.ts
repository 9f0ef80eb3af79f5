import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../app';
import { loadConfig, type Config } from '../config/config';
import { createDeps } from '../deps';
import type { AppDeps } from '../http/deps';
import type { RouteHandlers } from '../http/routeHandler';
import { handlers as defaultHandlers } from '../api/handlers';
import { checkingDeclaredErrors } from './routeContract';
import { createLogger } from '../logger';

export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MONGODB_URI: 'mongodb://127.0.0.1:1/unused',
    // The sandbox runs inside the test process and shares its CPU with the tests that drive it.
    WECHAT_TIMEOUT_MS: '30000',
    // Operator passwords: scrypt at a test cost (production refuses anything this cheap).
    OPS_PASSWORD_SCRYPT_N: '1024',
    // Many operators log in from 127.0.0.1 in one file; the limit's own test sets it low.
    OPS_LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000',
    ...overrides,
  });
}

export interface TestApp {
  deps: AppDeps;
  http: TestAgent;
  server: ReturnType<ReturnType<typeof createApp>['callback']>;
}

/** The real Koa app with test configuration, driven over HTTP by supertest. */
export function buildTestApp(overrides: Partial<AppDeps> = {}, handlers?: RouteHandlers): TestApp {
  const config = overrides.config ?? testConfig();
  const deps = createDeps(config, createLogger(config.LOG_LEVEL), overrides);
  const server = createApp(deps, checkingDeclaredErrors(handlers ?? defaultHandlers)).callback();
  return { deps, http: request(server), server };
}
