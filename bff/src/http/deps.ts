import type { Config } from '../config/config';
import type { IntegrationLimiter } from '../integrations/integrationLimiter';
import type { Logger } from '../logger';
import type { OperatorAuthenticator } from '../operators/authenticateOperator';
import type { SettingsSource } from '../settings/settingsSource';
import type { WechatClients } from '../wechat/clients';
import type { PhotoStore } from '../community/photos/photoStore';
import type { PushHandlers } from '../wechat/messagePush/pushHandlers';
import type { TestClock } from '../testClock/testClock';
import type { TencentSms } from '../sms/tencentSms';
import type { WecomRobot } from '../wecom/wecomRobot';
import type { CakedayContext, Principal } from './context';

/**
 * Resolves the caller from the request (the session token); undefined when there is none. A role beyond
 * `member` costs a lookup, so it is resolved only when the route asks for it (`role`).
 */
export type Authenticator = (ctx: CakedayContext, role?: Principal['roles'][number]) => Promise<Principal | undefined>;

/** Everything the app needs from outside; tests build their own. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  authenticate: Authenticator;
  /** Resolves an operator from the console's session cookie (ops routes only). */
  authenticateOperator: OperatorAuthenticator;
  /** Requests per integration per minute (the integration API). */
  integrationLimiter: IntegrationLimiter;
  /** The program settings in force, by instant or by version. */
  settings: SettingsSource;
  /** The current instant; tests move it. */
  now: () => Date;
  /** Whether the database answers a ping (for /readyz). */
  databaseReady: () => Promise<boolean>;
  /** WeChat capabilities (login, phone, messages, content security, codes, risk). */
  wechat: WechatClients;
  /** Tencent Cloud SMS (SendSms), the campaigns' second channel. */
  sms: TencentSms;
  /** The ops group's 企业微信 robot: the on-duty operators' alert notices. */
  wecomRobot: WecomRobot;
  /** Where community photos are kept (GridFS or an S3-compatible bucket). */
  photos: PhotoStore;
  /** What handles each event WeChat pushes to /wechat/message-push (wechat/messagePush/pushHandlerTable.ts). */
  pushHandlers: PushHandlers;
  /** TEST_CLOCK=true only (end-to-end runs): the clock behind `now`, moved through /__test/clock. */
  testClock?: TestClock;
}
