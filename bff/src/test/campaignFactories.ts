import { businessInstant, consentTexts } from '@cakeday/shared';
import { Types } from 'mongoose';
import { CampaignModel, type Campaign } from '../campaigns/Campaign.model';
import { dispatchDeliveries } from '../campaigns/dispatchDeliveries';
import { runCampaigns } from '../campaigns/runCampaigns';
import { ConsentModel } from '../consents/Consent.model';
import type { Member } from '../members/Member.model';
import { creditAccept } from '../subscriptions/quotaLedger';
import { buildTestApp, type TestApp } from './app';
import type { WechatSandboxHarness } from './wechatSandbox';

const system = { id: 'test-operator', displayName: '测试运营' };

/** A saved campaign, running unless told otherwise: a one-off push of 生日提醒 due at `sendAt` (default now). */
export async function buildCampaign(overrides: Partial<Campaign> = {}): Promise<Campaign> {
  const now = overrides.createdAt ?? new Date();
  const created = await CampaignModel.create({
    _id: new Types.ObjectId(),
    name: '测试活动',
    trigger: { kind: 'push', sendAt: now },
    audience: { tiers: [], birthdayMonths: [] },
    message: {
      template: 'birthdayReminder',
      fields: { thing1: '{{campaignName}}', date2: '2026年12月1日', thing3: '{{nickname}}，别错过' },
      page: 'pages/birthday/index',
      inboxTitle: '活动提醒',
    },
    holdoutPermille: 0,
    endsAt: new Date(now.getTime() + 30 * 86_400_000),
    state: 'running',
    version: 0,
    audienceSize: null,
    needsApproval: false,
    createdBy: system,
    submittedBy: system,
    approvedBy: null,
    materialisation: { runKey: null, afterId: null, done: false },
    createdAt: now,
    updatedAt: now,
    auditSeqs: [],
    ...overrides,
  });
  return created.toObject();
}

/** The members agree to marketing messages (the current text), as consents.grant records it. */
export async function grantMarketingConsent(members: readonly Pick<Member, '_id'>[], at = new Date(0)): Promise<void> {
  const { version } = consentTexts.marketing_messages;
  await ConsentModel.insertMany(members.map((member) => ({ memberId: member._id, purpose: 'marketing_messages', action: 'grant', version, at, ip: null })));
}

/** The ledger credits `times` accepts of a template, as WeChat's popup pushes would (the sandbox must agree: subscribe there too). */
export async function creditTestAccepts(member: Pick<Member, '_id'>, templateId: string, times: number, at = new Date()): Promise<void> {
  for (let index = 0; index < times; index += 1) await creditAccept(member._id, templateId, `test-accept:${member._id.toHexString()}:${templateId}:${index}`, at);
}

/** A collection a test empties before each test. */
export interface ClearableModel {
  deleteMany(filter: Record<string, never>): { exec(): Promise<unknown> };
}

export interface CampaignEngineHarness {
  /** The app's clock; `at` moves it to a Shanghai wall time. */
  readonly clock: { now: Date };
  /** The test app, on the sandbox and the clock (from beforeAll on). */
  app(): TestApp;
  at(local: string): void;
  /** What the engine does at the clock's instant: materialise, then dispatch until nothing is claimable (at most `rounds` rounds). */
  tick(rounds?: number): Promise<void>;
}

/**
 * A campaign engine test: the app on the WeChat sandbox and a movable clock, and before each test a reset sandbox,
 * the `clear` collections emptied and (unless `clockResetsEachTest` is false) the clock back at `startsAt` — a
 * Shanghai wall time, or an instant made when the test starts (the real time, for what the sandbox signs with it).
 */
export function useCampaignEngine(
  sandbox: WechatSandboxHarness,
  options: { startsAt: string | (() => Date); clockResetsEachTest?: boolean; clear: readonly ClearableModel[] },
): CampaignEngineHarness {
  const start = (): Date => (typeof options.startsAt === 'string' ? businessInstant(options.startsAt) : options.startsAt());
  const clock = { now: start() };
  let app: TestApp | undefined;
  let round = 0;
  const started = (): TestApp => {
    if (!app) throw new Error('useCampaignEngine: the app is built in beforeAll');
    return app;
  };
  beforeAll(() => {
    app = buildTestApp({ config: sandbox.config(), now: () => clock.now });
  });
  beforeEach(async () => {
    await sandbox.control().reset();
    await Promise.all(options.clear.map((model) => model.deleteMany({}).exec()));
    if (options.clockResetsEachTest !== false) clock.now = start();
  });
  return {
    clock,
    app: started,
    at: (local) => {
      clock.now = businessInstant(local);
    },
    async tick(rounds = 10) {
      await runCampaigns(started().deps);
      for (let index = 0; index < rounds; index += 1) if ((await dispatchDeliveries(started().deps, { workerId: `tick-${(round += 1)}` })).claimed === 0) return;
    },
  };
}
