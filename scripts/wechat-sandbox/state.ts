import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppendIndex } from './appendIndex';
import { defaultApp, type SandboxApp } from './config';

export interface SandboxUser {
  name: string;
  openid: string;
  unionid?: string;
  phone: string;
  /** Last code2session (a "visit"): msg_sec_check and getuserriskrank need one within 2 hours. */
  lastVisitAt?: number;
  riskRank: number;
}

export interface IssuedCode {
  code: string;
  appid: string;
  openid: string;
  expiresAt: number;
  usedAt?: number;
  phone?: string;
}

export interface IssuedToken {
  token: string;
  appid: string;
  kind: 'stable' | 'legacy';
  expiresAt: number;
  /** Superseded (force refresh, or a newer legacy token after its grace): 40001 from then on. */
  revokedAt?: number;
}

export interface ForceRefreshLog {
  day: string;
  count: number;
  lastAt: number;
}

export interface OutboxMessage {
  at: number;
  /** What the send answered as `msgid` (19 digits, kept as text); the sent event carries it as MsgID. */
  msgid: string;
  appid: string;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
  miniprogramState: string;
  lang: string;
}

export interface MsgSecRule {
  keyword: string;
  suggest: 'risky' | 'review';
  label: number;
  /** Only in this scene (1-4); every scene when absent. */
  scene?: number;
}

/** A scripted mediaCheckAsync verdict: for media whose URL contains `urlContains`, or whose bytes hash to `sha256`. */
export interface MediaCheckRule {
  urlContains?: string;
  /** Hex SHA-256 of the fetched bytes. */
  sha256?: string;
  suggest: 'pass' | 'review' | 'risky';
  label: number;
}

export interface Fault {
  endpoint: string;
  errcode: number;
  remaining: number;
}

/** The next `remaining` calls of the endpoint take effect, then answer `delayMs` late (the caller has given up by then). */
export interface LateAnswer {
  endpoint: string;
  delayMs: number;
  remaining: number;
}

/** Everything the sandbox remembers; plain data so that it can be saved as JSON. */
export interface SandboxStateData {
  apps: SandboxApp[];
  users: SandboxUser[];
  loginCodes: IssuedCode[];
  phoneCodes: IssuedCode[];
  tokens: IssuedToken[];
  forceRefresh: Record<string, ForceRefreshLog>;
  /** `${openid} ${templateId}` -> remaining one-time sends. */
  quotas: Record<string, number>;
  outbox: OutboxMessage[];
  msgSecRules: MsgSecRule[];
  /** First match wins; media matching none pass (label 100). */
  mediaCheckRules: MediaCheckRule[];
  faults: Fault[];
  lateAnswers: LateAnswer[];
  /** `code2session` fails with 40163 instead of 40029 for a reused code. */
  reusedCodeErrcode: 40029 | 40163;
  /** Seconds added to the real clock (tests move time without waiting). */
  clockOffsetSeconds: number;
  /** Calls per endpoint, so tests can count what the BFF asked for. */
  calls: Record<string, number>;
}

export const DEMO_USER = { name: 'demo', openid: 'o-demo-cakeday-0001', phone: '13800138000' } as const;

const defaultMsgSecRules: MsgSecRule[] = [
  { keyword: '赌博', suggest: 'risky', label: 20006 },
  { keyword: '加微信', suggest: 'review', label: 10001 },
];

/** `apps`: mini-programs known besides the development one (kept across resets). */
export function initialState(apps: readonly SandboxApp[] = []): SandboxStateData {
  return {
    apps: [{ ...defaultApp }, ...apps.filter((app) => app.appid !== defaultApp.appid).map((app) => ({ ...app }))],
    users: [{ ...DEMO_USER, riskRank: 0 }],
    loginCodes: [],
    phoneCodes: [],
    tokens: [],
    forceRefresh: {},
    quotas: {},
    outbox: [],
    msgSecRules: defaultMsgSecRules.map((rule) => ({ ...rule })),
    mediaCheckRules: [],
    faults: [],
    lateAnswers: [],
    reusedCodeErrcode: 40029,
    clockOffsetSeconds: 0,
    calls: {},
  };
}

const digest = (text: string): Buffer => createHash('sha256').update(`cakeday-sandbox:${text}`).digest();

/** The same name is always the same person: `?as=alice` logs in as one openid across restarts. */
export function openidFor(name: string): string {
  return `o${digest(name).toString('base64url').slice(0, 27)}`;
}

export function phoneFor(name: string): string {
  return `139${(digest(`phone:${name}`).readUInt32BE(0) % 100_000_000).toString().padStart(8, '0')}`;
}

export function opaque(prefix: string, bytes = 18): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** The sandbox's state with the operations every part needs; saved after each change when given a file. */
export class SandboxState {
  data: SandboxStateData;
  /** Users are found by openid or by name, never by scanning (a bench's cohort has 100,000). */
  private readonly usersByOpenid = new AppendIndex<SandboxUser>((user) => [user.openid]);
  private readonly usersByName = new AppendIndex<SandboxUser>((user) => [user.name]);
  private readonly outboxByTouser = new AppendIndex<OutboxMessage>((message) => [message.touser]);

  constructor(
    private readonly stateFile?: string,
    private readonly extraApps: readonly SandboxApp[] = [],
  ) {
    this.data = initialState(extraApps);
    if (stateFile) {
      try {
        this.data = { ...initialState(extraApps), ...(JSON.parse(readFileSync(stateFile, 'utf8')) as Partial<SandboxStateData>) };
      } catch {
        // no saved state yet (or unreadable): start fresh
      }
      for (const app of extraApps) if (!this.app(app.appid)) this.data.apps.push({ ...app });
    }
  }

  now(): number {
    return Date.now() + this.data.clockOffsetSeconds * 1000;
  }

  save(): void {
    if (!this.stateFile) return;
    mkdirSync(path.dirname(this.stateFile), { recursive: true });
    writeFileSync(this.stateFile, JSON.stringify(this.data));
  }

  reset(): void {
    this.data = initialState(this.extraApps);
  }

  app(appid: string): SandboxApp | undefined {
    return this.data.apps.find((app) => app.appid === appid);
  }

  defaultAppid(): string {
    return this.data.apps[0]?.appid ?? '';
  }

  userByOpenid(openid: string): SandboxUser | undefined {
    return this.usersByOpenid.first(this.data.users, openid);
  }

  /** The messages sent to one user, oldest first. */
  outboxOf(openid: string): readonly OutboxMessage[] {
    return this.outboxByTouser.all(this.data.outbox, openid);
  }

  /** Finds or creates a test user by name (deterministic openid) or by an explicit openid. */
  user(ref: { user?: string; openid?: string }): SandboxUser {
    const existing = ref.openid ? this.userByOpenid(ref.openid) : ref.user === undefined ? undefined : this.usersByName.first(this.data.users, ref.user);
    if (existing) return existing;
    const name = ref.user ?? ref.openid ?? 'anonymous';
    const created: SandboxUser = { name, openid: ref.openid ?? openidFor(name), phone: phoneFor(name), riskRank: 0 };
    this.data.users.push(created);
    return created;
  }

  /** Takes one injected fault for the endpoint, if any is armed. */
  takeFault(endpoint: string): number | undefined {
    const fault = this.data.faults.find((candidate) => candidate.endpoint === endpoint && candidate.remaining > 0);
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.data.faults = this.data.faults.filter((candidate) => candidate.remaining > 0);
    return fault.errcode;
  }

  /** How late this call's answer comes (after it took effect), if a late answer is armed for the endpoint. */
  takeLateAnswer(endpoint: string): number | undefined {
    const late = this.data.lateAnswers.find((candidate) => candidate.endpoint === endpoint && candidate.remaining > 0);
    if (!late) return undefined;
    late.remaining -= 1;
    this.data.lateAnswers = this.data.lateAnswers.filter((candidate) => candidate.remaining > 0);
    return late.delayMs;
  }

  countCall(endpoint: string): void {
    this.data.calls[endpoint] = (this.data.calls[endpoint] ?? 0) + 1;
  }
}
