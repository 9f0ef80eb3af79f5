import type { OutboxMessage } from './state';

/** A test user by name (deterministic openid; `demo` is the seeded demo member) or by openid. */
export type UserRef = { user: string; openid?: undefined } | { openid: string; user?: undefined };

export interface SandboxUserView {
  name: string;
  openid: string;
  unionid?: string;
  phone: string;
  lastVisitAt?: number;
  riskRank: number;
}

/** The outbox's messages as the control API answers them (the state's own shape). */
export type OutboxMessageView = OutboxMessage;

export interface MsgSecRuleInput {
  keyword: string;
  suggest: 'risky' | 'review';
  label: number;
  scene?: 1 | 2 | 3 | 4;
}

export interface SandboxTemplateView {
  key: string;
  templateId: string;
  title: string;
  fields: Record<string, string>;
}

/** Endpoint names for faults and call counts. */
export type SandboxEndpoint =
  | 'jscode2session'
  | 'stable_token'
  | 'token'
  | 'getuserphonenumber'
  | 'subscribe.send'
  | 'msg_sec_check'
  | 'getwxacodeunlimit'
  | 'getuserriskrank';

export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxControlError';
  }
}

/** Typed client of the sandbox's /__sandbox control API, for tests and scripts. */
export class SandboxControl {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: object): Promise<T> {
    const response = await fetch(`${this.baseUrl}/__sandbox${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new SandboxControlError(response.status, `sandbox ${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  upsertUser(ref: UserRef, fields: { unionid?: string | null; phone?: string; riskRank?: number } = {}): Promise<SandboxUserView> {
    return this.call('POST', '/users', { ...ref, ...fields });
  }

  async users(): Promise<SandboxUserView[]> {
    return (await this.call<{ users: SandboxUserView[] }>('GET', '/users')).users;
  }

  /** What wx.login gives the mini-program: a single-use code for code2session (5 minutes). */
  loginCode(ref: UserRef, appid?: string): Promise<{ code: string; openid: string }> {
    return this.call('POST', '/login-codes', { ...ref, appid });
  }

  /** What <button open-type="getPhoneNumber"> gives: a single-use code (5 minutes); the user's phone unless given. */
  async phoneCode(ref: UserRef, phone?: string, appid?: string): Promise<string> {
    return (await this.call<{ code: string }>('POST', '/phone-codes', { ...ref, phone, appid })).code;
  }

  /** Records a visit now (as code2session does), for msg_sec_check's and getuserriskrank's 2-hour rule. */
  visit(ref: UserRef): Promise<SandboxUserView> {
    return this.call('POST', '/visits', ref);
  }

  /** The user's answer to wx.requestSubscribeMessage for one template (id or key); each accept adds one send. */
  subscribe(ref: UserRef, template: string, result: 'accept' | 'reject' | 'ban' | 'filter' = 'accept', times = 1): Promise<{ openid: string; templateId: string; remaining: number }> {
    return this.call('POST', '/subscriptions', { ...ref, template, result, times });
  }

  async quotas(openid?: string): Promise<{ openid: string; templateId: string; remaining: number }[]> {
    const query = openid ? `?openid=${encodeURIComponent(openid)}` : '';
    return (await this.call<{ quotas: { openid: string; templateId: string; remaining: number }[] }>('GET', `/subscriptions${query}`)).quotas;
  }

  async outbox(openid?: string): Promise<OutboxMessageView[]> {
    const query = openid ? `?openid=${encodeURIComponent(openid)}` : '';
    return (await this.call<{ messages: OutboxMessageView[] }>('GET', `/outbox${query}`)).messages;
  }

  setRiskRank(ref: UserRef, riskRank: number): Promise<SandboxUserView> {
    return this.call('POST', '/risk-ranks', { ...ref, riskRank });
  }

  async setMsgSecRules(rules: MsgSecRuleInput[]): Promise<void> {
    await this.call('PUT', '/msg-sec-rules', { rules });
  }

  async addMsgSecRule(rule: MsgSecRuleInput): Promise<void> {
    await this.call('POST', '/msg-sec-rules', rule);
  }

  /** The next `count` calls of the endpoint answer with this errcode. */
  async injectFault(endpoint: SandboxEndpoint, errcode: number, count = 1): Promise<void> {
    await this.call('POST', '/faults', { endpoint, errcode, count });
  }

  /** Whether a reused login code gets 40029 (default) or 40163. */
  async setReusedCodeErrcode(errcode: 40029 | 40163): Promise<void> {
    await this.call('POST', '/settings', { reusedCodeErrcode: errcode });
  }

  /** Every live access token (of the app, or all) expires now: the next business call gets 42001. */
  async expireTokens(appid?: string): Promise<number> {
    return (await this.call<{ expired: number }>('POST', '/tokens/expire', { appid })).expired;
  }

  /** Moves the sandbox's clock forward (code TTLs, token windows, the 2-hour visit rule). */
  async advanceClock(seconds: number): Promise<void> {
    await this.call('POST', '/clock', { advanceSeconds: seconds });
  }

  async calls(): Promise<Partial<Record<SandboxEndpoint, number>>> {
    return (await this.call<{ calls: Partial<Record<SandboxEndpoint, number>> }>('GET', '/calls')).calls;
  }

  async templates(): Promise<SandboxTemplateView[]> {
    return (await this.call<{ templates: SandboxTemplateView[] }>('GET', '/config')).templates;
  }

  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }
}
