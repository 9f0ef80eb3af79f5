import { randomBytes, randomUUID } from 'node:crypto';
import { randomAlphanumeric } from './keys';
import { beijingTime } from '../beijingTime';
import { encryptResource, responseMessage, signSha256Rsa, SIGNATURE_TYPE } from './signing';

/** WeChat Pay's schedule after a failed delivery: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h. */
export const RETRY_SCHEDULE_SECONDS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10_800, 10_800, 10_800, 21_600, 21_600];

export interface Signer {
  serial: string;
  privateKeyPem: string;
}

export type DeliveryKind = 'genuine' | 'duplicate' | 'replay' | 'probe';

export interface DeliveryAttempt {
  notificationId: string;
  eventType: string;
  kind: DeliveryKind;
  /** 1 for the first genuine delivery, then one more per retry; 0 for extra deliveries. */
  attempt: number;
  url: string;
  at: string;
  /** The receiver's HTTP status; null when it could not be reached or timed out. */
  status: number | null;
  error?: string;
  headers: Record<string, string>;
  body: string;
}

export interface DeliveryOutcome {
  delivered: boolean;
  attempts: number;
}

interface Notification {
  id: string;
  eventType: string;
  url: string;
  body: string;
  attempts: number;
  outcome?: DeliveryOutcome;
  waiters: ((outcome: DeliveryOutcome) => void)[];
}

export interface NotifierOptions {
  apiV3Key: string;
  signer: () => Signer;
  now: () => Date;
  /** Multiplies every retry delay: 1 is WeChat's real schedule, 0.001 turns 15 s into 15 ms. */
  timeScale: number;
  /** How long the receiver has to answer (WeChat: 5 s). */
  receiverTimeoutMs: number;
}

/** Builds, signs, delivers and retries notifications, and keeps the log of every delivery attempt. */
export class Notifier {
  readonly log: DeliveryAttempt[] = [];
  private readonly notifications = new Map<string, Notification>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: NotifierOptions) {}

  /** Encrypts `resource`, starts delivery to `url` and returns the notification id. */
  notify(input: { url: string; eventType: string; summary: string; originalType: string; resource: Record<string, unknown> }): string {
    const id = randomUUID();
    const body = JSON.stringify({
      id,
      create_time: beijingTime(this.options.now()),
      resource_type: 'encrypt-resource',
      event_type: input.eventType,
      summary: input.summary,
      resource: {
        original_type: input.originalType,
        ...encryptResource(JSON.stringify(input.resource), this.options.apiV3Key, input.originalType),
      },
    });
    const notification: Notification = { id, eventType: input.eventType, url: input.url, body, attempts: 0, waiters: [] };
    this.notifications.set(id, notification);
    void this.attempt(notification);
    return id;
  }

  /** Resolves when the notification was accepted (200/204) or the schedule ran out. */
  settled(notificationId: string): Promise<DeliveryOutcome> {
    const notification = this.require(notificationId);
    if (notification.outcome) return Promise.resolve(notification.outcome);
    return new Promise((resolve) => notification.waiters.push(resolve));
  }

  lastNotificationId(): string | undefined {
    return [...this.notifications.keys()].at(-1);
  }

  /** One more delivery of the same notification, freshly signed, as WeChat's duplicates are. */
  duplicate(notificationId: string): Promise<DeliveryAttempt> {
    const notification = this.require(notificationId);
    return this.deliver(notification, 'duplicate', 0, this.sign(notification.body, this.options.now()));
  }

  /** A correctly signed delivery whose Wechatpay-Timestamp is `ageSeconds` old: receivers must refuse it. */
  replay(notificationId: string, ageSeconds: number): Promise<DeliveryAttempt> {
    const notification = this.require(notificationId);
    const signedAt = new Date(this.options.now().getTime() - ageSeconds * 1000);
    return this.deliver(notification, 'replay', 0, this.sign(notification.body, signedAt));
  }

  /** WeChat's signature probe: a delivery whose signature cannot verify; receivers must refuse it. */
  probe(notificationId: string): Promise<DeliveryAttempt> {
    const notification = this.require(notificationId);
    const headers = this.sign(notification.body, this.options.now());
    headers['Wechatpay-Signature'] = `WECHATPAY/SIGNTEST/${randomBytes(192).toString('base64')}`;
    return this.deliver(notification, 'probe', 0, headers);
  }

  /** Forgets every notification and pending retry (the sandbox's reset). */
  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.notifications.clear();
    this.log.length = 0;
  }

  close(): void {
    this.closed = true;
    this.reset();
  }

  private require(notificationId: string): Notification {
    const notification = this.notifications.get(notificationId);
    if (!notification) throw new Error(`no notification ${notificationId}`);
    return notification;
  }

  private sign(body: string, at: Date): Record<string, string> {
    const signer = this.options.signer();
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const nonce = randomAlphanumeric(32);
    return {
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signSha256Rsa(responseMessage(timestamp, nonce, body), signer.privateKeyPem),
      'Wechatpay-Serial': signer.serial,
      'Wechatpay-Signature-Type': SIGNATURE_TYPE,
      'Request-ID': randomUUID(),
    };
  }

  private async attempt(notification: Notification): Promise<void> {
    if (this.closed) return;
    notification.attempts += 1;
    const result = await this.deliver(notification, 'genuine', notification.attempts, this.sign(notification.body, this.options.now()));
    if (result.status === 200 || result.status === 204) return this.finish(notification, true);
    const delay = RETRY_SCHEDULE_SECONDS[notification.attempts - 1];
    if (delay === undefined || this.closed) return this.finish(notification, false);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(notification);
    }, delay * 1000 * this.options.timeScale);
    this.timers.add(timer);
  }

  private finish(notification: Notification, delivered: boolean): void {
    notification.outcome = { delivered, attempts: notification.attempts };
    for (const resolve of notification.waiters.splice(0)) resolve(notification.outcome);
  }

  private async deliver(notification: Notification, kind: DeliveryKind, attempt: number, headers: Record<string, string>): Promise<DeliveryAttempt> {
    const entry: DeliveryAttempt = {
      notificationId: notification.id,
      eventType: notification.eventType,
      kind,
      attempt,
      url: notification.url,
      at: this.options.now().toISOString(),
      status: null,
      headers,
      body: notification.body,
    };
    try {
      const response = await fetch(notification.url, {
        method: 'POST',
        headers,
        body: notification.body,
        signal: AbortSignal.timeout(this.options.receiverTimeoutMs),
      });
      await response.arrayBuffer();
      entry.status = response.status;
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
    }
    this.log.push(entry);
    return entry;
  }
}
