import { randomInt, randomUUID } from 'node:crypto';
import type { MessagePushWire } from '@cakeday/shared';
import { encryptPushMessage, pushSignature } from './pushCrypto';
import { SANDBOX_ORIGINAL_ID, type PushMode, type PushSettings } from './pushSettings';

/**
 * How a delivery was made: `genuine` (the push and its retries), `duplicate` (the same event again, freshly signed,
 * as WeChat's re-sends are), and the refusals a receiver must give: `stale` (signed long ago), `badSignature`,
 * `unsigned`, `tampered` (safe mode: Encrypt altered after signing), `tamperedResigned` (altered, then signed by
 * someone who knows the token but not the key), `wrongAppid` (encrypted for another mini-program).
 */
export type PushDeliveryKind = 'genuine' | 'duplicate' | 'stale' | 'badSignature' | 'unsigned' | 'tampered' | 'tamperedResigned' | 'wrongAppid';
export type ForgedKind = Exclude<PushDeliveryKind, 'genuine' | 'duplicate' | 'stale'>;

export interface PushDelivery {
  pushId: string;
  /** The event's name (subscribe_msg_sent_event, wxa_media_check...). */
  event: string;
  kind: PushDeliveryKind;
  /** 1 for the first genuine attempt, one more per retry; 0 for extra deliveries. */
  attempt: number;
  mode: PushMode;
  url: string;
  at: string;
  /** The receiver's HTTP status; null when it could not be reached or did not answer in time. */
  status: number | null;
  answer: string | null;
  /** Whether the receiver answered as WeChat requires (HTTP 200 with `success` or nothing). */
  accepted: boolean;
  error?: string;
  query: Record<string, string>;
  body: string;
}

export interface PushOutcome {
  delivered: boolean;
  attempts: number;
}

interface Push {
  id: string;
  event: string;
  /** The event as JSON text (kept as text: a MsgID is a number JSON cannot hold exactly). */
  json: string;
  attempts: number;
  held: boolean;
  outcome?: PushOutcome;
  waiters: ((outcome: PushOutcome) => void)[];
}

/** What the receiver gets for one delivery. */
export interface SignedPush {
  query: Record<string, string>;
  body: string;
}

const OTHER_APPID = 'wx1111111111111111';

/** Signs (and in safe or compatible mode encrypts) one delivery of `json`, or forges one of the given kind. */
export function signPush(json: string, settings: Pick<PushSettings, 'token' | 'aesKey' | 'mode'>, appid: string, at: Date, kind: PushDeliveryKind = 'genuine'): SignedPush {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = String(randomInt(100_000_000, 2_000_000_000));
  const token = kind === 'badSignature' ? `${settings.token}x` : settings.token;
  const signature = pushSignature(token, timestamp, nonce);
  if (settings.mode === 'plain') {
    if (kind === 'tampered' || kind === 'tamperedResigned' || kind === 'wrongAppid') throw new ForgeryNotPossible(`${kind}: plain mode neither encrypts nor signs the body`);
    return { query: kind === 'unsigned' ? { timestamp, nonce } : { signature, timestamp, nonce }, body: json };
  }
  let encrypt = encryptPushMessage(json, settings.aesKey, kind === 'wrongAppid' ? OTHER_APPID : appid);
  let msgSignature = pushSignature(token, timestamp, nonce, encrypt);
  if (kind === 'tampered' || kind === 'tamperedResigned') {
    const bytes = Buffer.from(encrypt, 'base64');
    // The last block: its plaintext (the appid's end and the padding) becomes noise.
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0x5a;
    encrypt = bytes.toString('base64');
    if (kind === 'tamperedResigned') msgSignature = pushSignature(token, timestamp, nonce, encrypt);
  }
  const query: Record<string, string> =
    kind === 'unsigned' ? { timestamp, nonce, encrypt_type: 'aes' } : { signature, timestamp, nonce, encrypt_type: 'aes', msg_signature: msgSignature };
  // Compatible mode sends the plaintext fields and the ciphertext in one body (spliced as text, MsgID kept exact).
  const body =
    settings.mode === 'safe'
      ? JSON.stringify({ ToUserName: SANDBOX_ORIGINAL_ID, Encrypt: encrypt })
      : json.replace(/}\s*$/, `,"Encrypt":${JSON.stringify(encrypt)}}`);
  return { query, body };
}

export interface PusherOptions {
  settings: () => PushSettings;
  appid: () => string;
  now?: () => Date;
}

/**
 * WeChat's message push client: delivers each event to the configured URL, signed for the configured mode, and
 * retries (settings.retries times) until the receiver answers `success`; keeps a log of every delivery attempt.
 * Tests hold deliveries back, duplicate, replay and forge them, and await `settled(id)` instead of sleeping.
 */
export class Pusher {
  readonly log: PushDelivery[] = [];
  private readonly pushes = new Map<string, Push>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private holding = false;
  private closed = false;

  constructor(private readonly options: PusherOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Starts delivering an event (the JSON text, or the wire object) and returns its push id. */
  push(event: MessagePushWire | { json: string; event: string }): string {
    const json = 'json' in event ? event.json : JSON.stringify(event);
    const push: Push = { id: randomUUID(), event: 'json' in event ? event.event : event.Event, json, attempts: 0, held: this.holding, waiters: [] };
    this.pushes.set(push.id, push);
    if (!push.held) void this.attempt(push);
    return push.id;
  }

  /** Resolves when the push was accepted or its retries ran out ({delivered: false, attempts: 0} without a URL). */
  settled(pushId: string): Promise<PushOutcome> {
    const push = this.require(pushId);
    if (push.outcome) return Promise.resolve(push.outcome);
    return new Promise((resolve) => push.waiters.push(resolve));
  }

  lastPushId(): string | undefined {
    return [...this.pushes.keys()].at(-1);
  }

  /** From now on, pushes wait (undelivered) until release(): a delayed delivery, without the clock. */
  hold(): void {
    this.holding = true;
  }

  /** Delivers every held push and stops holding; returns their ids. */
  release(): string[] {
    this.holding = false;
    const held = [...this.pushes.values()].filter((push) => push.held);
    for (const push of held) {
      push.held = false;
      void this.attempt(push);
    }
    return held.map((push) => push.id);
  }

  /** `times` more deliveries of the same event at once, each freshly signed, as WeChat's re-sends are. */
  duplicate(pushId: string, times = 1): Promise<PushDelivery[]> {
    const push = this.require(pushId);
    return Promise.all(Array.from({ length: times }, () => this.deliver(push, 'duplicate', 0, this.now())));
  }

  /** A correctly signed delivery whose timestamp is `ageSeconds` old: receivers must refuse it. */
  replay(pushId: string, ageSeconds: number): Promise<PushDelivery> {
    const push = this.require(pushId);
    return this.deliver(push, 'stale', 0, new Date(this.now().getTime() - ageSeconds * 1000));
  }

  /** A delivery of the event that the receiver must refuse (see PushDeliveryKind). */
  forge(pushId: string, kind: ForgedKind): Promise<PushDelivery> {
    return this.deliver(this.require(pushId), kind, 0, this.now());
  }

  /** Forgets every push, pending retry and the log (the sandbox's reset); settings stay. */
  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const push of this.pushes.values()) this.finish(push, false);
    this.pushes.clear();
    this.log.length = 0;
    this.holding = false;
  }

  close(): void {
    this.closed = true;
    this.reset();
  }

  private require(pushId: string): Push {
    const push = this.pushes.get(pushId);
    if (!push) throw new PushNotFound(pushId);
    return push;
  }

  private async attempt(push: Push): Promise<void> {
    if (this.closed || push.outcome) return;
    if (!this.options.settings().url) return this.finish(push, false);
    push.attempts += 1;
    const delivery = await this.deliver(push, 'genuine', push.attempts, this.now());
    if (delivery.accepted) return this.finish(push, true);
    const { retries, retryDelayMs } = this.options.settings();
    if (push.attempts > retries || this.closed) return this.finish(push, false);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(push);
    }, retryDelayMs);
    this.timers.add(timer);
  }

  private finish(push: Push, delivered: boolean): void {
    if (push.outcome) return;
    push.outcome = { delivered, attempts: push.attempts };
    for (const resolve of push.waiters.splice(0)) resolve(push.outcome);
  }

  private async deliver(push: Push, kind: PushDeliveryKind, attempt: number, at: Date): Promise<PushDelivery> {
    const settings = this.options.settings();
    const signed = signPush(push.json, settings, this.options.appid(), at, kind);
    const entry: PushDelivery = {
      pushId: push.id,
      event: push.event,
      kind,
      attempt,
      mode: settings.mode,
      url: settings.url ?? '',
      at: this.now().toISOString(),
      status: null,
      answer: null,
      accepted: false,
      query: signed.query,
      body: signed.body,
    };
    if (!settings.url) {
      entry.error = 'no push URL configured';
      this.log.push(entry);
      return entry;
    }
    try {
      const response = await fetch(`${settings.url}${settings.url.includes('?') ? '&' : '?'}${new URLSearchParams(signed.query).toString()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: signed.body,
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      entry.status = response.status;
      entry.answer = await response.text();
      entry.accepted = response.status === 200 && ['success', ''].includes(entry.answer.trim());
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
    }
    this.log.push(entry);
    return entry;
  }
}

export class PushNotFound extends Error {
  constructor(pushId: string) {
    super(`no push ${pushId}`);
    this.name = 'PushNotFound';
  }
}

/** A forgery the mode cannot express (plain mode has no ciphertext to tamper with). */
export class ForgeryNotPossible extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForgeryNotPossible';
  }
}
