import type { Context, DefaultState, ParameterizedContext } from 'koa';
import type { Logger } from '../logger';

/** Who is calling: resolved from the session token by the member feature's authenticator. */
export interface Principal {
  memberId: string;
  openid: string;
  roles: readonly ('member' | 'staff' | 'ops')[];
}

export interface CakedayState extends DefaultState {
  requestId: string;
  log: Logger;
  principal?: Principal;
}

export type CakedayContext = ParameterizedContext<CakedayState> & Pick<Context, 'request'>;
