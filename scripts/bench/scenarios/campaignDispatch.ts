import { businessDate, businessInstant, formatCalendarDate } from '@cakeday/shared';
import { CampaignDeliveryModel } from '../../../bff/src/campaigns/CampaignDelivery.model';
import { dispatchDeliveries } from '../../../bff/src/campaigns/dispatchDeliveries';
import { materialiseCampaign } from '../../../bff/src/campaigns/materialiseCampaign';
import { loadConfig } from '../../../bff/src/config/config';
import { createDeps } from '../../../bff/src/deps';
import type { AppDeps } from '../../../bff/src/http/deps';
import { createLogger } from '../../../bff/src/logger';
import { createPushCampaign, REMINDER_TEMPLATE_ID, seedCohort, type CohortMember } from '../fixtures/campaignCohort';
import { closedLoop } from '../load/closedLoop';
import { summarise, type Measurement } from '../load/measurement';
import { productionBffEnv } from '../productionEnv';
import { against, expectEqual, scaled, type BenchContext, type BenchRow, type Scenario } from '../scenario';

const WORKERS = 8;
const BATCH = 50;
const COHORT = 100_000;
const MATERIALISE_BATCH = 500;
const GROUP = 8;
const CAMPAIGN_NAME = '压测活动';
const BASELINE_MARK = '压测基线';

/**
 * The engine as a BFF instance runs it, in the bench's process: production configuration (the sandbox over HTTP),
 * the send rate at its maximum so that WeChat, not the cap, is what is measured, and a clock moved to 10:00 tomorrow
 * (Asia/Shanghai), outside quiet hours whenever the bench runs, that still advances with real time (the rate's seconds).
 */
function engineDeps(context: BenchContext): AppDeps {
  const env = productionBffEnv(context.secrets, { port: 1, metricsPort: 1, mongoUri: 'mongodb://127.0.0.1/cakeday-bench', sandboxUrl: context.sandbox.url, jobsEnabled: false });
  const config = loadConfig({ ...env, METRICS_PORT: 'off', LOG_LEVEL: 'silent', CAMPAIGN_SEND_RATE_PER_SECOND: '10000' });
  const tomorrow = businessDate(new Date(Date.now() + 86_400_000));
  const offset = businessInstant(`${formatCalendarDate(tomorrow)}T10:00:00`).getTime() - Date.now();
  return createDeps(config, createLogger('silent'), { now: () => new Date(Date.now() + offset) });
}

/** subscribeMessage.send driven directly (one stable token, then a send per member): the sandbox's raw send rate. */
async function rawSends(context: BenchContext, cohort: readonly CohortMember[]): Promise<Measurement> {
  const tokenAnswer = await fetch(new URL('/cgi-bin/stable_token', context.sandbox.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: context.secrets.app.appid, secret: context.secrets.app.secret }),
  });
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const url = new URL(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, context.sandbox.url);
  let refused = 0;
  const measurement = await closedLoop({
    concurrency: WORKERS,
    seconds: context.seconds,
    requests: cohort.length,
    operation: async (n) => {
      const member = cohort[n % cohort.length] as CohortMember;
      const data = { thing1: { value: BASELINE_MARK }, date2: { value: '2026年12月1日' }, thing3: { value: '压测' } };
      const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ touser: member.openid, template_id: REMINDER_TEMPLATE_ID, data, miniprogram_state: 'formal' }) });
      if (((await answer.json()) as { errcode: number }).errcode !== 0) refused += 1;
    },
  });
  return { ...measurement, errors: measurement.errors + refused };
}

/** WORKERS dispatch workers, each round a batch, until nothing is left to claim; per delivery: its round's time / its size. */
async function dispatchAll(deps: AppDeps): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  const startedAt = process.hrtime.bigint();
  const worker = async (index: number): Promise<void> => {
    for (let round = 0; ; round += 1) {
      const roundStart = process.hrtime.bigint();
      const result = await dispatchDeliveries(deps, { workerId: `bench:${index}:${round}`, batchSize: BATCH });
      const processed = result.sent + result.skipped + result.failed;
      const perDelivery = Number(process.hrtime.bigint() - roundStart) / 1e6 / Math.max(1, processed);
      for (let sent = 0; sent < result.sent; sent += 1) latencies.push(perDelivery);
      errors += result.failed;
      if (result.claimed === 0) return;
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
  return summarise(latencies, Number(process.hrtime.bigint() - startedAt) / 1e9, { sent: latencies.length }, errors);
}

/**
 * campaign.dispatch: a one-off push to a 100,000-member cohort: its materialisation (deliveries per second), then its
 * dispatch by 8 workers against the sandbox (sends per second), compared with the sandbox's own raw send rate at the
 * same concurrency. Checks: one delivery per active member, every cohort member sent exactly one campaign message
 * (the sandbox outbox is the judge).
 */
export const campaignDispatchScenario: Scenario = {
  name: 'campaign.dispatch',
  summary: 'campaign materialisation and dispatch of a 100,000-member cohort by 8 workers; baseline: subscribeMessage.send driven directly at the same concurrency',
  instances: 1,
  group: GROUP,
  async run(context) {
    // A run bounded by work (`--requests`, the smoke test) dispatches no more than that many.
    const size = Math.min(scaled(COHORT, context.scale), context.requests ?? Number.POSITIVE_INFINITY);
    const cohort = await seedCohort(context.db, context.sandbox, GROUP, size, 2, context.now);
    const baseline = await rawSends(context, cohort);
    const floor: BenchRow = { name: 'subscribe.send raw', kind: 'floor', connections: WORKERS, instances: 0, measurement: baseline };

    const deps = engineDeps(context);
    const campaign = await createPushCampaign(CAMPAIGN_NAME, context.now);
    const audience = await context.db.collection('members').countDocuments({ status: 'active' });
    const materialiseStart = process.hrtime.bigint();
    await materialiseCampaign(campaign._id, deps.now(), MATERIALISE_BATCH);
    const materialiseMs = Number(process.hrtime.bigint() - materialiseStart) / 1e6;
    const deliveries = await CampaignDeliveryModel.countDocuments({ campaignId: campaign._id });
    const materialised: BenchRow = {
      name: 'campaign.materialise',
      kind: 'route',
      connections: 1,
      instances: 0,
      measurement: summarise(Array.from({ length: deliveries }, () => materialiseMs / Math.max(1, deliveries)), materialiseMs / 1000, { materialised: deliveries }, 0),
    };
    const dispatched = await context.profiled('campaign.dispatch', () => dispatchAll(deps));

    const outbox = await context.sandbox.control.outbox();
    const campaignMessages = new Map<string, number>();
    for (const message of outbox) {
      if (message.templateId === REMINDER_TEMPLATE_ID && message.data.thing1 === CAMPAIGN_NAME) campaignMessages.set(message.touser, (campaignMessages.get(message.touser) ?? 0) + 1);
    }
    const cohortCounts = cohort.map((member) => campaignMessages.get(member.openid) ?? 0);
    const scenario = 'campaign.dispatch';
    return {
      rows: [materialised, against({ name: 'campaign.dispatch', kind: 'route', connections: WORKERS, instances: 0, measurement: dispatched }, floor), floor],
      checks: [
        expectEqual(scenario, 'baseline sends answered ok', baseline.requests - baseline.errors, cohort.length),
        expectEqual(scenario, 'one delivery per active member', deliveries, audience),
        expectEqual(scenario, 'deliveries sent', await CampaignDeliveryModel.countDocuments({ campaignId: campaign._id, state: 'sent' }), cohort.length),
        expectEqual(scenario, 'cohort members with exactly one campaign message', cohortCounts.filter((count) => count === 1).length, cohort.length),
        expectEqual(scenario, 'campaign messages in the outbox', [...campaignMessages.values()].reduce((sum, count) => sum + count, 0), cohort.length),
      ],
    };
  },
};
