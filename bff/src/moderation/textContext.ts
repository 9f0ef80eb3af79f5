import type { AppDeps } from '../http/deps';
import type { Logger } from '../logger';
import type { WechatSecurity } from '../wechat/types';

/** What checking a member's text needs: WeChat's content security, a logger, the instant. */
export interface TextCheckContext {
  security: WechatSecurity;
  logger: Logger;
  now: Date;
}

export function textCheckContext(deps: Pick<AppDeps, 'wechat' | 'logger' | 'now'>): TextCheckContext {
  return { security: deps.wechat.security, logger: deps.logger, now: deps.now() };
}
