import { randomBytes } from 'node:crypto';

/** The development robot's webhook key (the BFF's WECOM_ALERT_ROBOT_KEY default), refused in production. */
export const DEV_WECOM_ROBOT_KEY = 'cakeday-dev-ops-robot-0000-0000-000000000000';

/** Where the sandbox serves 企业微信's group-robot webhook (the BFF's WECOM_WEBHOOK_BASE locally is the sandbox's URL). */
export const WECOM_WEBHOOK_PATH = '/cgi-bin/webhook/send';

/** 企业微信's documented limits for a group robot: 20 messages a minute, markdown content at most 4096 bytes. */
const MESSAGES_PER_MINUTE = 20;
const MAX_MARKDOWN_BYTES = 4096;
const MINUTE_MS = 60_000;

/** One markdown message the robot posted: what the ops group sees. */
export interface RobotMessage {
  key: string;
  content: string;
  at: number;
}

export interface RobotAnswer {
  errcode: number;
  errmsg: string;
}

export interface RobotSandboxControl {
  /** The messages posted (all, or one robot's), oldest first. */
  outbox(key?: string): RobotMessage[];
  /** The next `times` sends answer this errcode (45009, 93000, -1) without posting, or, with 'drop', get no answer. */
  failNext(errcode: number | 'drop', times?: number): void;
}

/**
 * 企业微信's group robot (`POST /cgi-bin/webhook/send?key=…`, JSON): a known key posts a markdown message (errcode 0);
 * an unknown key is 93000, more than 20 messages a minute to one robot 45009, a missing or unsupported msgtype
 * 40008, empty content 44004 and content over 4096 bytes 40058 — each HTTP 200, as 企业微信 answers.
 */
export class RobotSandbox {
  private messages: RobotMessage[] = [];
  private faults: (number | 'drop')[] = [];
  private readonly keys: Set<string>;

  constructor(
    private readonly now: () => number,
    keys: readonly string[] = [],
  ) {
    this.keys = new Set([DEV_WECOM_ROBOT_KEY, ...keys]);
  }

  readonly control: RobotSandboxControl = {
    outbox: (key) => this.messages.filter((message) => key === undefined || message.key === key).map((message) => ({ ...message })),
    failNext: (errcode, times = 1) => {
      for (let index = 0; index < times; index += 1) this.faults.push(errcode);
    },
  };

  reset(): void {
    this.messages = [];
    this.faults = [];
  }

  /** 'drop' when the connection is to be cut without an answer (a fault the test asked for). */
  send(key: string | null, body: unknown): RobotAnswer | 'drop' {
    const fault = this.faults.shift();
    if (fault === 'drop') return 'drop';
    if (fault !== undefined) return answer(fault, fault === 45009 ? 'api freq out of limit' : 'sandbox fault');
    if (!key || !this.keys.has(key)) return answer(93000, 'invalid webhook url, hint: [sandbox] invalid key');
    const message = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    if (message.msgtype !== 'markdown' && message.msgtype !== 'text') return answer(40008, 'invalid message type');
    const part = message[message.msgtype];
    const content = typeof part === 'object' && part !== null ? (part as Record<string, unknown>).content : undefined;
    if (typeof content !== 'string' || content.trim() === '') return answer(44004, 'empty content');
    if (Buffer.byteLength(content) > MAX_MARKDOWN_BYTES) return answer(40058, `${message.msgtype}.content exceed max length ${MAX_MARKDOWN_BYTES}`);
    const at = this.now();
    if (this.messages.filter((sent) => sent.key === key && sent.at > at - MINUTE_MS).length >= MESSAGES_PER_MINUTE) return answer(45009, 'api freq out of limit');
    this.messages.push({ key, content, at });
    return { errcode: 0, errmsg: 'ok' };
  }
}

function answer(errcode: number, errmsg: string): RobotAnswer {
  return { errcode, errmsg: errcode === 0 ? errmsg : `${errmsg}, rid: ${randomBytes(6).toString('hex')}` };
}
