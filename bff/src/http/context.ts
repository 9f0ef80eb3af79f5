import type { Context, DefaultState, ParameterizedContext } from 'koa';
import type { IntegrationKind, OperatorRole, OpsAbility } from '@cakeday/shared';
import type { Logger } from '../logger';
import type { Member } from '../members/Member.model';

/** Who is calling: resolved from the session token by the member feature's authenticator. */
export interface Principal {
  memberId: string;
  openid: string;
  roles: readonly ('member' | 'staff' | 'ops')[];
  /**
   * The member document authentication read in this request (active, current token version): a handler that needs
   * the member uses it instead of reading it again. Absent where a principal is built without a read.
   */
  member?: Member;
}

/** Who is calling an ops route: resolved from the console's session cookie. */
export interface OperatorPrincipal {
  operatorId: string;
  loginName: string;
  displayName: string;
  roles: readonly OperatorRole[];
  storeId: string | null;
  /** The rules from the shared permission model, for condition checks and query filters in commands. */
  ability: OpsAbility;
  /** What the operator must do first; while any is true only `self` routes answer. */
  requires: { passwordChange: boolean; totpEnrollment: boolean };
  /** The cookie's token (to end this session, or keep it when ending the others); never logged. */
  sessionToken: string;
  idleExpiresAt: Date;
  expiresAt: Date;
}

/** Who is calling an integration route: a till's or an online channel's key, from its signed request. */
export interface IntegrationPrincipal {
  integrationId: string;
  keyId: string;
  kind: IntegrationKind;
  /** The store a till acts for; null for an online channel. */
  storeId: string | null;
}

export interface CakedayState extends DefaultState {
  requestId: string;
  log: Logger;
  /** The route table name of an API request (metrics label it by name, never by raw path). */
  routeName?: string;
  principal?: Principal;
  operator?: OperatorPrincipal;
  integration?: IntegrationPrincipal;
  /** An integration route's key, once known (even if the request is then refused): its daily usage counts it. */
  integrationCounted?: string;
}

export type CakedayContext = ParameterizedContext<CakedayState> & Pick<Context, 'request'>;
