import type { MessagePushWire } from '@cakeday/shared';
import type { MediaCheckView, MediaVerdictDelivery } from './push/mediaCheck';
import type { ForgedKind, PushDelivery, PushOutcome } from './push/pusher';
import type { PushSettings, PushSettingsPatch } from './push/pushSettings';
import type { MediaCheckRule, OutboxMessage } from './state';

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
  | 'getuserriskrank'
  | 'media_check_async';

export type PopupResult = 'accept' | 'reject' | 'ban' | 'filter';
export type { ForgedKind, MediaCheckRule, MediaCheckView, MediaVerdictDelivery, PushDelivery, PushOutcome, PushSettings, PushSettingsPatch };

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

  /**
   * The user's answer to wx.requestSubscribeMessage for one template (id or key), `times` popups: each accept adds
   * one send; each accept or reject pushes a subscribe_msg_popup_event to the BFF (`pushIds`, when a push URL is set).
   */
  subscribe(
    ref: UserRef,
    template: string,
    result: PopupResult = 'accept',
    times = 1,
    popupScene = 0,
  ): Promise<{ openid: string; templateId: string; remaining: number; pushIds: string[] }> {
    return this.call('POST', '/subscriptions', { ...ref, template, result, times, popupScene });
  }

  /** One popup with up to 3 templates, each answered: one subscribe_msg_popup_event listing them (`pushId`; null if none is accept/reject). */
  answerPopup(
    ref: UserRef,
    choices: { template: string; result: PopupResult }[],
    popupScene = 0,
  ): Promise<{ openid: string; results: { templateId: string; result: PopupResult; remaining: number }[]; pushId: string | null }> {
    return this.call('POST', '/subscription-popups', { ...ref, choices, popupScene });
  }

  /** The user turns a template off in 服务通知 or the settings: no sends left, subscribe_msg_change_event (reject) pushed. */
  changeSubscription(ref: UserRef, template: string): Promise<{ openid: string; templateId: string; remaining: number; pushId: string }> {
    return this.call('POST', '/subscriptions/change', { ...ref, template });
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

  /**
   * The next `count` calls of the endpoint take effect (a send is sent, its receipt pushed) but answer `delayMs` late:
   * a caller whose timeout is shorter sees a timeout and cannot know whether the call happened.
   */
  async answerLate(endpoint: SandboxEndpoint, delayMs: number, count = 1): Promise<void> {
    await this.call('POST', '/late-answers', { endpoint, delayMs, count });
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

  // ---- message push (WeChat -> the BFF's /wechat/message-push) ----

  pushSettings(): Promise<PushSettings> {
    return this.call('GET', '/push/settings');
  }

  /** URL, token, aesKey, mode (plain | safe | compatible), retries, retryDelayMs, timeoutMs, mediaVerdictDelayMs. */
  configurePush(patch: PushSettingsPatch): Promise<PushSettings> {
    return this.call('POST', '/push/settings', patch);
  }

  /** Pushes any event, correctly signed for the mode: a wire object, or raw JSON text (e.g. a bare 19-digit MsgID). */
  async pushEvent(event: MessagePushWire | { json: string; event: string }): Promise<string> {
    return (await this.call<{ pushId: string }>('POST', '/push/events', 'json' in event ? event : { event })).pushId;
  }

  /** Waits until the push was accepted ('success') or gave up after its retries. */
  pushSettled(pushId: string | 'last' = 'last'): Promise<PushOutcome> {
    return this.call('GET', `/push/pushes/${encodeURIComponent(pushId)}/outcome`);
  }

  async pushDeliveries(): Promise<PushDelivery[]> {
    return (await this.call<{ deliveries: PushDelivery[] }>('GET', '/push/deliveries')).deliveries;
  }

  /** `times` more deliveries of the same event, at once, each freshly signed (as WeChat's re-sends). */
  async duplicatePush(pushId: string | 'last' = 'last', times = 1): Promise<PushDelivery[]> {
    return (await this.call<{ deliveries: PushDelivery[] }>('POST', `/push/pushes/${encodeURIComponent(pushId)}/duplicate`, { times })).deliveries;
  }

  /** The event again, correctly signed `ageSeconds` ago: the BFF must refuse it. */
  replayPush(pushId: string | 'last' = 'last', ageSeconds = 600): Promise<PushDelivery> {
    return this.call('POST', `/push/pushes/${encodeURIComponent(pushId)}/replay`, { ageSeconds });
  }

  /** The event again, forged: badSignature, unsigned, tampered, tamperedResigned, wrongAppid (the last three in safe/compatible mode). */
  forgePush(kind: ForgedKind, pushId: string | 'last' = 'last'): Promise<PushDelivery> {
    return this.call('POST', `/push/pushes/${encodeURIComponent(pushId)}/forge`, { kind });
  }

  /** Pushes wait, undelivered, until releasePushes(). */
  async holdPushes(): Promise<void> {
    await this.call('POST', '/push/hold');
  }

  async releasePushes(): Promise<string[]> {
    return (await this.call<{ pushIds: string[] }>('POST', '/push/release')).pushIds;
  }

  async mediaChecks(): Promise<MediaCheckView[]> {
    return (await this.call<{ checks: MediaCheckView[] }>('GET', '/media-checks')).checks;
  }

  /** Pushes the verdicts of pending mediaCheckAsync calls (all, or one trace_id) and returns once each delivery settled. */
  async deliverMediaVerdicts(traceId?: string): Promise<MediaVerdictDelivery[]> {
    return (await this.call<{ deliveries: MediaVerdictDelivery[] }>('POST', '/media-checks/deliver', { traceId })).deliveries;
  }

  async setMediaCheckRules(rules: MediaCheckRule[]): Promise<void> {
    await this.call('PUT', '/media-check-rules', { rules });
  }

  async addMediaCheckRule(rule: MediaCheckRule): Promise<void> {
    await this.call('POST', '/media-check-rules', rule);
  }
}
