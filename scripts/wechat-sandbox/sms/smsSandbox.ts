import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { beijingDay } from '../beijingTime';
import { defaultSmsSettings, type SmsAccount, type SmsSandboxSettings } from './smsSettings';

export interface SmsSandboxOptions {
  accounts?: SmsAccount[];
  statusCallbackUrl?: string | null;
  replyCallbackUrl?: string | null;
}
import { verifyTc3 } from './tc3Verify';

/** One message Tencent accepted: what the member's phone shows. */
export interface SmsOutboxMessage {
  serialNo: string;
  /** E.164. */
  phoneNumber: string;
  templateId: string;
  signName: string;
  params: string[];
  /** 【signature】 + the template with its variables. */
  content: string;
  sessionContext: string;
  at: number;
  /** Its delivery receipt: pending until reported (deliverReports), then SUCCESS or FAIL. */
  report: 'pending' | 'SUCCESS' | 'FAIL';
}

/** What one callback post got back from the receiver. */
export interface SmsCallbackDelivery {
  kind: 'status' | 'reply';
  url: string;
  status: number | null;
  answer: string | null;
  /** The receiver answered HTTP 200 with {"result":0}. */
  accepted: boolean;
  body: string;
}

export interface SendSmsAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface SmsSandboxControl {
  settings(): SmsSandboxSettings;
  configure(patch: Partial<SmsSandboxSettings>): SmsSandboxSettings;
  outbox(phoneNumber?: string): SmsOutboxMessage[];
  /** Posts the pending delivery receipts (all, or one number's) as one callback; resolves with what the receiver said. */
  deliverReports(options?: { phoneNumber?: string; status?: 'SUCCESS' | 'FAIL' }): Promise<SmsCallbackDelivery | null>;
  /** A member replies to the signature from `phoneNumber` (11 digits or E.164): posted to the reply callback. */
  reply(phoneNumber: string, text: string, at?: number): Promise<SmsCallbackDelivery>;
  /** Posts the last callback again, as Tencent retries one whose answer it did not get. */
  repeatLast(): Promise<SmsCallbackDelivery>;
  /** Numbers that replied R/TD (免打扰): marketing templates to them are refused. */
  blacklist(): string[];
  callbacks(): SmsCallbackDelivery[];
  /** The next SendSms calls answer this request-level error (InternalError.Timeout…), `count` times. */
  failNext(code: string, count?: number): void;
  /** The next SendSms call takes the messages but never answers (the connection is dropped): an ambiguous send. */
  dropNextAnswer(): void;
}

const OPT_OUT = /^\s*(R|TD|T|N|退订)\s*$/i;
const nationalNumber = (phone: string): string => phone.replace(/^\+86/, '');

function error(code: string, message: string): SendSmsAnswer {
  return { status: 200, body: { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } } };
}

/** Tencent Cloud SMS's SendSms and its callbacks, in memory (a reset forgets everything). */
export class SmsSandbox {
  private current: SmsSandboxSettings;
  private readonly sent: SmsOutboxMessage[] = [];
  private readonly optedOut = new Set<string>();
  private readonly log: SmsCallbackDelivery[] = [];
  private faults: { code: string; remaining: number }[] = [];
  private dropAnswers = 0;
  private last: { kind: 'status' | 'reply'; body: string } | null = null;
  readonly control: SmsSandboxControl;

  constructor(
    private readonly now: () => number,
    private readonly options: SmsSandboxOptions = {},
  ) {
    this.current = this.started();
    this.control = {
      settings: () => ({ ...this.current }),
      configure: (patch) => {
        this.current = { ...this.current, ...patch };
        return { ...this.current };
      },
      outbox: (phoneNumber) => this.sent.filter((message) => !phoneNumber || nationalNumber(message.phoneNumber) === nationalNumber(phoneNumber)),
      deliverReports: (options = {}) => this.deliverReports(options),
      reply: (phoneNumber, text, at) => this.reply(phoneNumber, text, at),
      repeatLast: async () => {
        if (!this.last) throw new Error('no callback was posted yet');
        return this.post(this.last.kind, this.last.body);
      },
      blacklist: () => [...this.optedOut],
      callbacks: () => [...this.log],
      failNext: (code, count = 1) => {
        this.faults.push({ code, remaining: count });
      },
      dropNextAnswer: () => {
        this.dropAnswers += 1;
      },
    };
  }

  private started(): SmsSandboxSettings {
    return {
      ...defaultSmsSettings(this.options.accounts),
      statusCallbackUrl: this.options.statusCallbackUrl ?? null,
      replyCallbackUrl: this.options.replyCallbackUrl ?? null,
    };
  }

  reset(): void {
    this.current = this.started();
    this.sent.length = 0;
    this.optedOut.clear();
    this.log.length = 0;
    this.faults = [];
    this.dropAnswers = 0;
    this.last = null;
  }

  /** Whether the answer to this call is to be dropped (the call's effect stays). */
  takeDrop(): boolean {
    if (this.dropAnswers === 0) return false;
    this.dropAnswers -= 1;
    return true;
  }

  /** SendSms (X-TC-Action: SendSms, X-TC-Version: 2021-01-11), answered as Tencent answers: HTTP 200 either way. */
  sendSms(request: IncomingMessage, url: URL, rawBody: Buffer): SendSmsAnswer {
    const refusal = verifyTc3(request, url, rawBody, this.current.accounts, Math.floor(this.now() / 1000));
    if (refusal) return error(refusal, 'The provided credentials could not be validated.');
    if (request.headers['x-tc-action'] !== 'SendSms') return error('InvalidAction', 'only SendSms is imitated');
    if (request.headers['x-tc-version'] !== '2021-01-11') return error('NoSuchVersion', 'the sandbox imitates 2021-01-11');
    if (!request.headers['x-tc-region']) return error('MissingParameter', 'X-TC-Region is required');
    const fault = this.faults.find((candidate) => candidate.remaining > 0);
    if (fault) {
      fault.remaining -= 1;
      this.faults = this.faults.filter((candidate) => candidate.remaining > 0);
      return error(fault.code, 'injected by the sandbox');
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>;
    } catch {
      return error('FailedOperation.FailResolvePacket', 'the body is not JSON');
    }
    const phones = Array.isArray(body.PhoneNumberSet) ? body.PhoneNumberSet.filter((phone): phone is string => typeof phone === 'string') : [];
    if (phones.length === 0) return error('MissingParameter.EmptyPhoneNumberSet', 'PhoneNumberSet is empty');
    if (phones.length > 200) return error('LimitExceeded.PhoneNumberCountLimit', 'at most 200 numbers a call');
    if (!this.current.sdkAppIds.includes(String(body.SmsSdkAppId))) return error('InvalidParameterValue.SdkAppIdNotExist', 'SmsSdkAppId does not exist');
    const signName = String(body.SignName ?? '');
    if (!this.current.signNames.includes(signName)) return error('FailedOperation.SignatureIncorrectOrUnapproved', 'the signature is not approved');
    const template = this.current.templates.find((candidate) => candidate.templateId === String(body.TemplateId));
    if (!template) return error('FailedOperation.TemplateIncorrectOrUnapproved', 'the template is not approved');
    const params = Array.isArray(body.TemplateParamSet) ? body.TemplateParamSet.map(String) : [];
    const variables = new Set([...template.text.matchAll(/\{(\d+)\}/g)].map((found) => found[1])).size;
    if (params.length !== variables) return error('FailedOperation.TemplateParamSetNotMatchApprovedTemplate', `the template takes ${variables} parameters`);
    if (params.some((param) => [...param].length > this.current.maxParamLength)) return error('InvalidParameterValue.TemplateParameterLengthLimit', `a parameter is longer than ${this.current.maxParamLength}`);
    const content = `【${signName}】${template.text.replace(/\{(\d+)\}/g, (_whole, index: string) => params[Number(index) - 1] ?? '')}`;
    if ([...content].length > 500) return error('InvalidParameterValue.ContentLengthLimit', 'the message is longer than 500 characters');
    const sessionContext = typeof body.SessionContext === 'string' ? body.SessionContext : '';
    const statuses = phones.map((phone) => this.sendOne(phone, template.templateId, template.kind, signName, params, content, sessionContext));
    return { status: 200, body: { Response: { SendStatusSet: statuses, RequestId: randomUUID() } } };
  }

  private sendOne(phone: string, templateId: string, kind: 'marketing' | 'notification', signName: string, params: string[], content: string, sessionContext: string): Record<string, unknown> {
    const status = (code: string, message: string, serialNo = '', fee = 0) => ({ SerialNo: serialNo, PhoneNumber: phone, Fee: fee, SessionContext: sessionContext, Code: code, Message: message, IsoCode: 'CN' });
    if (!/^\+861\d{10}$/.test(phone)) return status('InvalidParameterValue.IncorrectPhoneNumber', 'incorrect phone number');
    if (kind === 'marketing' && this.optedOut.has(nationalNumber(phone))) return status('FailedOperation.PhoneNumberInBlacklist', 'the number unsubscribed');
    const now = this.now();
    const toNumber = this.sent.filter((message) => message.phoneNumber === phone);
    const sameContent = toNumber.filter((message) => message.content === content);
    const { limits } = this.current;
    if (sameContent.filter((message) => now - message.at < 30_000).length >= limits.sameContentPerThirtySeconds) return status('LimitExceeded.PhoneNumberThirtySecondLimit', 'the same content within 30 seconds');
    if (sameContent.filter((message) => now - message.at < 3_600_000).length >= limits.sameContentPerHour) return status('LimitExceeded.PhoneNumberOneHourLimit', 'the same content within an hour');
    if (toNumber.filter((message) => beijingDay(message.at) === beijingDay(now)).length >= limits.perDay) return status('LimitExceeded.PhoneNumberDailyLimit', 'the number’s daily limit');
    const serialNo = `2433:${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const fee = Math.ceil([...content].length / 67) || 1;
    this.sent.push({ serialNo, phoneNumber: phone, templateId, signName, params, content, sessionContext, at: now, report: 'pending' });
    return status('Ok', 'send success', serialNo, fee);
  }

  private async deliverReports(options: { phoneNumber?: string; status?: 'SUCCESS' | 'FAIL' }): Promise<SmsCallbackDelivery | null> {
    const pending = this.sent.filter((message) => message.report === 'pending' && (!options.phoneNumber || nationalNumber(message.phoneNumber) === nationalNumber(options.phoneNumber)));
    if (pending.length === 0) return null;
    const reportStatus = options.status ?? 'SUCCESS';
    const receivedAt = new Date(this.now() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    for (const message of pending) message.report = reportStatus;
    const body = JSON.stringify(
      pending.map((message) => ({
        user_receive_time: receivedAt,
        nationcode: '86',
        mobile: nationalNumber(message.phoneNumber),
        report_status: reportStatus,
        errmsg: reportStatus === 'SUCCESS' ? 'DELIVRD' : 'MK:0001',
        description: reportStatus === 'SUCCESS' ? '用户短信送达成功' : '用户短信未送达',
        sid: message.serialNo,
      })),
    );
    return this.post('status', body);
  }

  private async reply(phoneNumber: string, text: string, at?: number): Promise<SmsCallbackDelivery> {
    const mobile = nationalNumber(phoneNumber);
    // Tencent keeps the number on the signature's 免打扰 list itself once it replied an unsubscribe word.
    if (OPT_OUT.test(text.normalize('NFKC'))) this.optedOut.add(mobile);
    const body = JSON.stringify({ extend: '', mobile, nationcode: '86', sign: this.current.signNames[0] ?? '', text, time: Math.floor((at ?? this.now()) / 1000) });
    return this.post('reply', body);
  }

  private async post(kind: 'status' | 'reply', body: string): Promise<SmsCallbackDelivery> {
    this.last = { kind, body };
    const url = kind === 'status' ? this.current.statusCallbackUrl : this.current.replyCallbackUrl;
    if (!url) {
      const skipped: SmsCallbackDelivery = { kind, url: '', status: null, answer: null, accepted: false, body };
      this.log.push(skipped);
      return skipped;
    }
    let delivery: SmsCallbackDelivery;
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
      const answer = await response.text();
      let accepted = false;
      try {
        accepted = response.status === 200 && (JSON.parse(answer) as { result?: unknown }).result === 0;
      } catch {
        accepted = false;
      }
      delivery = { kind, url, status: response.status, answer, accepted, body };
    } catch (failure) {
      delivery = { kind, url, status: null, answer: failure instanceof Error ? failure.message : String(failure), accepted: false, body };
    }
    this.log.push(delivery);
    return delivery;
  }
}
