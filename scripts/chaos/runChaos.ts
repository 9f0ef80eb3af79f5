import path from 'node:path';
import { Types } from 'mongoose';
import { loadConfig } from '../../bff/src/config/config';
import { createDeps } from '../../bff/src/deps';
import { HelpCampaignModel } from '../../bff/src/help/HelpCampaign.model';
import { dispatchDeliveries } from '../../bff/src/campaigns/dispatchDeliveries';
import { runCampaigns } from '../../bff/src/campaigns/runCampaigns';
import { settleSendingDeliveries } from '../../bff/src/campaigns/settleSendingDeliveries';
import type { AppDeps } from '../../bff/src/http/deps';
import { jobs } from '../../bff/src/jobs/jobs';
import { createLogger } from '../../bff/src/logger';
import { CampaignDeliveryModel } from '../../bff/src/campaigns/CampaignDelivery.model';
import { MallItemModel } from '../../bff/src/mall/MallItem.model';
import { MallOrderModel } from '../../bff/src/orders/MallOrder.model';
import { currentShareLink } from '../../bff/src/referral/shareLinks';
import { ROOT, startBuiltBff, type BffLaunch, type RunningBff } from '../bench/bffProcess';
import { freePort } from '../bench/freePort';
import { inBatches } from '../bench/fixtures/inBatches';
import { memberHeaders, seedMembers, type BenchMember } from '../bench/fixtures/members';
import { productionBffEnv } from '../bench/productionEnv';
import { startBenchStack, type BenchStack } from '../bench/stack';
import { seedCampaignCohort, CHAOS_CAMPAIGN_NAME } from './campaignCohort';
import { checkDeliveries, type DeliveryTally } from './deliveryInvariants';
import { postWithFailover } from './failoverClient';
import { checkInvariants, type InvariantReport } from './invariants';
import { keepQuietHoursAway } from './quietHours';
import { pick, seededRandom } from './random';

export interface ChaosOptions {
  trials: number;
  /** Milliseconds between kills: each is drawn between these. */
  killEveryMs: [number, number];
  workers: number;
  seed: number;
  log: (line: string) => void;
}

export interface ChaosOutcome {
  kills: number;
  requests: Record<string, number>;
  faults: number;
  invariants: InvariantReport;
  /** How the campaign's deliveries ended (by state, messages in WeChat's outbox). */
  deliveries: DeliveryTally;
}

const ITEM_STOCK = 3000;
const COHORT = 1200;
/**
 * The engine's settings on the chaos instances: each runs its own dispatch workers (as in production), a send rate
 * that the cohort's dispatch reaches, a WeChat timeout the late answers pass.
 */
const ENGINE_ENV = { CAMPAIGN_DISPATCH_WORKERS: '2', CAMPAIGN_SEND_RATE_PER_SECOND: '200', WECHAT_TIMEOUT_MS: '2000' };
const LATE_ANSWER_MS = 4000;
/** A restarted instance may take minutes to be ready on a loaded machine: that is no invariant broken. */
const RESTART_READY_MS = 300_000;
const DAY = 86_400_000;

async function seedItem(code: string, pointsPrice: number, cashFen: number): Promise<Types.ObjectId> {
  const now = new Date();
  const created = await MallItemModel.create({
    code, title: `混沌测试 ${code}`, subtitle: '', images: ['https://static.cakeday.example/mall/chaos.jpg'], description: '', rules: [],
    kind: 'coupon', pointsPrice, cashFen, stock: ITEM_STOCK, reservedOrders: [], limitPerMember: 100, limitPeriod: 'lifetime',
    tierRequired: null, couponTemplateCode: 'cake-size-upgrade', visibleFrom: null, visibleTo: null, status: 'active', sortOrder: 1, createdAt: now, updatedAt: now,
  });
  return created._id;
}

async function seedCampaigns(owners: readonly BenchMember[], now: Date): Promise<string[]> {
  const campaigns = await HelpCampaignModel.insertMany(
    owners.map((owner) => ({
      memberId: new Types.ObjectId(owner.id), celebrationYear: now.getUTCFullYear(), birthday: { month: 6, day: 1 }, goal: 3,
      gift: { title: '生日蛋糕尺寸升级券', description: '好友助力解锁的生日礼券', templateCode: 'cake-size-upgrade' },
      helpersCount: 0, helpers: [], countedAssists: [], state: 'active', startedAt: now, expiresAt: new Date(now.getTime() + 7 * DAY), unlockedAt: null, couponId: null,
    })),
  );
  const shares: string[] = [];
  await inBatches(campaigns, 8, async (campaign, index) => {
    shares[index] = (await currentShareLink(campaign.memberId.toHexString(), 'help', campaign._id.toHexString(), now))._id;
  });
  return shares;
}

/**
 * The campaign engine's catch-up: dispatch until nothing is claimable, then, while deliveries wait for a retry's
 * backoff (WeChat busy: the faults injected last may meet the catch-up's own sends), move the clock to the first of
 * them, as time would; then settle what was left sending, and complete.
 */
async function drainCampaigns(deps: AppDeps, clock: { offsetMs: number }): Promise<void> {
  for (let round = 0; round < 10_000; round += 1) {
    if ((await dispatchDeliveries(deps, { workerId: `chaos-catch-up:${round}`, batchSize: 200 })).claimed > 0) continue;
    const waiting = await CampaignDeliveryModel.findOne({ state: 'queued' }, { nextAttemptAt: 1 }).sort({ nextAttemptAt: 1 }).lean();
    if (!waiting || waiting.nextAttemptAt.getTime() <= deps.now().getTime()) break;
    clock.offsetMs += waiting.nextAttemptAt.getTime() - deps.now().getTime();
  }
  for (let round = 0; round < 100; round += 1) {
    const settled = await settleSendingDeliveries(deps);
    if (settled.byReceipt + settled.unknown === 0) break;
  }
  await runCampaigns(deps);
}

/** Every push WeChat has started (receipts, accepts) delivered or given up, as the sandbox's log names them. */
async function pushesSettled(stack: BenchStack): Promise<void> {
  const seen = new Set<string>();
  for (;;) {
    const ids = new Set([...stack.sandbox.push.deliveries().map((delivery) => delivery.pushId), stack.sandbox.push.lastPushId()].filter((id): id is string => Boolean(id)));
    const fresh = [...ids].filter((id) => !seen.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) seen.add(id);
    await Promise.all(fresh.map((id) => stack.sandbox.push.settled(id)));
  }
}

/** The sweepers' catch-up, as if an hour had passed: every job once, twice over, with every open order due now. */
async function catchUp(stack: BenchStack, log: (line: string) => void): Promise<void> {
  const config = loadConfig({ ...productionBffEnv(stack.secrets, { port: 1, metricsPort: 1, mongoUri: stack.mongoUri, sandboxUrl: stack.sandbox.url, jobsEnabled: false }), CAMPAIGN_SEND_RATE_PER_SECOND: '1000' });
  const clock = { offsetMs: 60 * 60_000 };
  const deps = createDeps(config, createLogger('warn'), { now: () => new Date(Date.now() + clock.offsetMs) });
  for (let round = 0; round < 2; round += 1) {
    await MallOrderModel.updateMany({ status: { $nin: ['fulfilled', 'cancelled', 'refunded'] } }, { $set: { nextAttemptAt: new Date() } });
    for (const job of jobs) {
      try {
        await job.run(deps);
      } catch (error) {
        log(`chaos: job ${job.name} failed in the catch-up: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  await drainCampaigns(deps, clock);
}

/** The instance again, on its ports; on new ones when another process took them meanwhile (the balancer learns them). */
async function restart(launch: BffLaunch): Promise<RunningBff> {
  try {
    return await startBuiltBff({ ...launch, appendLog: true, readyTimeoutMs: RESTART_READY_MS });
  } catch (error) {
    const port = await freePort();
    const env = { ...launch.env, PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, METRICS_PORT: String(await freePort()) };
    return startBuiltBff({ ...launch, env, appendLog: true, readyTimeoutMs: RESTART_READY_MS }).catch(() => Promise.reject(error));
  }
}

/**
 * The load over, the instances' dispatch workers stop as a deployment's do (SIGTERM: each finishes its round) and the
 * instances come back without workers, to receive WeChat's pushes (receipts) for the catch-up; pushes are held while
 * no instance is up, then delivered. An instance that does not stop within the grace (a loaded machine: its jobs and
 * rounds waiting on the database) is killed (SIGKILL): what it left sending is a kill's, as during the trials.
 */
async function stopDispatchWorkers(stack: BenchStack, pushTo: (bff: RunningBff) => void, killed: { campaignId: Types.ObjectId; whileSending: Set<string> }): Promise<void> {
  stack.sandbox.push.hold();
  for (const [index, bff] of stack.bffs.entries()) {
    await bff.stop();
    if (bff.child.signalCode === 'SIGKILL') for (const id of await sendingHeldBy(killed.campaignId, bff.child.pid ?? -1)) killed.whileSending.add(id);
    stack.bffs[index] = await restart({ ...bff.launch, env: { ...bff.launch.env, CAMPAIGN_DISPATCH_WORKERS: '0' } });
  }
  pushTo(stack.bffs[0] as RunningBff);
  stack.sandbox.push.release();
}

/** The campaign's deliveries that a killed BFF left in `sending`: its dispatch workers' leases start with its pid. */
async function sendingHeldBy(campaignId: Types.ObjectId, pid: number): Promise<string[]> {
  const prefixes = [`${pid}:`, `job:${pid}:`];
  const sending = await CampaignDeliveryModel.find({ campaignId, state: 'sending' }, { leaseOwner: 1 }).lean();
  return sending.filter((delivery) => prefixes.some((prefix) => delivery.leaseOwner?.startsWith(prefix))).map((delivery) => delivery._id.toHexString());
}

/**
 * `npm run chaos`: mixed load (points redemptions, points + WeChat Pay redemptions, friend help) on two production
 * BFFs while a campaign to a cohort is materialised and dispatched by both instances' engines; every few seconds one
 * instance (BFF and engine) is killed with SIGKILL and started again, while the sandbox injects faults (system busy,
 * failed prepays, duplicated notifications, busy and late subscription sends). Then the sweepers catch up and the
 * invariants are checked, WeChat's outbox judging the campaign's messages.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosOutcome> {
  const random = seededRandom(options.seed);
  const artifactsDir = path.join(ROOT, '.artifacts/chaos');
  const stack = await startBenchStack({ instances: 2, artifactsDir, payTimeScale: 0.01, bffEnv: ENGINE_ENV, log: options.log });
  const requests: Record<string, number> = {};
  const count = (name: string): void => {
    requests[name] = (requests[name] ?? 0) + 1;
  };
  let kills = 0;
  let faults = 0;
  const pushTo = (bff: RunningBff) => stack.sandbox.push.configure({ url: `${bff.url}/wechat/message-push`, token: stack.secrets.pushToken, aesKey: stack.secrets.pushAesKey, appid: stack.secrets.app.appid, mode: 'safe', retries: 10, retryDelayMs: 1000, timeoutMs: 5000 });
  try {
    const now = new Date();
    await keepQuietHoursAway(now, options.log);
    pushTo(stack.bffs[0] as RunningBff);
    const buyers = await seedMembers({ group: 50, count: 100, points: 100_000 }, stack.secrets, now);
    const owners = await seedMembers({ group: 51, count: 100 }, stack.secrets, now);
    const friends = await seedMembers({ group: 52, count: 300 }, stack.secrets, now);
    const cohortMembers = await seedMembers({ group: 53, count: COHORT }, stack.secrets, now);
    await inBatches(friends, 8, (friend) => stack.sandbox.control.visit({ openid: friend.openid }));
    const shares = await seedCampaigns(owners, now);
    const pointsItem = await seedItem('chaos-points', 100, 0);
    const cashItem = await seedItem('chaos-cash', 50, 990);
    const { campaign } = await seedCampaignCohort(stack.sandbox, cohortMembers, random, now);
    // Materialised here: the instances' scheduler runs campaigns.run at most once a minute, which instances living
    // seconds may not reach. Their own dispatch workers (CAMPAIGN_DISPATCH_WORKERS) send it, and die with them.
    await runCampaigns({ now: () => new Date() });
    options.log(`chaos: campaign ${campaign._id.toHexString()} to ${COHORT} cohort members (and every other active member), dispatched by both instances' workers`);
    let up: string[] = stack.bffs.map((bff) => bff.url);
    const targets = (): readonly string[] => up;
    const killedWhileSending = new Set<string>();

    let running = true;
    let sequence = 0;
    const worker = async (): Promise<void> => {
      while (running) {
        const roll = random();
        const key = `chaos-${options.seed}-${(sequence += 1)}`;
        if (roll < 0.45) {
          const answer = await postWithFailover(targets, '/api/mall.redeem', memberHeaders(pick(random, buyers)), { itemId: pointsItem.toHexString(), qty: 1, idempotencyKey: key });
          count(`redeem points ${answer?.status ?? 'gave up'}`);
        } else if (roll < 0.7) {
          const answer = await postWithFailover(targets, '/api/mall.redeem', memberHeaders(pick(random, buyers)), { itemId: cashItem.toHexString(), qty: 1, idempotencyKey: key });
          count(`redeem cash ${answer?.status ?? 'gave up'}`);
          const order = (answer?.body as { order?: { orderNo?: string; status?: string } } | undefined)?.order;
          // Most members pay; WeChat Pay then notifies (retrying while the instance that asked is down), sometimes twice.
          if (order?.status === 'awaiting_payment' && order.orderNo && random() < 0.8) {
            const { notificationId } = stack.sandbox.pay.pay(order.orderNo);
            if (random() < 0.3) void stack.sandbox.pay.duplicate(notificationId).catch(() => undefined);
          }
        } else {
          const answer = await postWithFailover(targets, '/api/help.assist', memberHeaders(pick(random, friends)), { shareId: pick(random, shares) });
          count(`help ${answer?.status ?? 'gave up'}`);
        }
      }
    };
    const load = Promise.all(Array.from({ length: options.workers }, worker));

    for (let trial = 0; trial < options.trials; trial += 1) {
      const [low, high] = options.killEveryMs;
      await new Promise((resolve) => setTimeout(resolve, low + random() * (high - low)));
      if (random() < 0.4) {
        await stack.sandbox.control.injectFault('getuserriskrank', -1, 2);
        stack.sandbox.pay.failNext('jsapi', { status: 500, code: 'SYSTEM_ERROR', message: '系统繁忙' }, 1);
        faults += 1;
      }
      if (random() < 0.5) {
        // WeChat busy (nothing sent, retried later) or answering too late (sent, the engine cannot know: never re-sent).
        await stack.sandbox.control.injectFault('subscribe.send', pick(random, [-1, 45011]), 1 + Math.floor(random() * 3));
        await stack.sandbox.control.answerLate('subscribe.send', LATE_ANSWER_MS, 1 + Math.floor(random() * 2));
        faults += 1;
      }
      const index = Math.floor(random() * stack.bffs.length);
      const victim = stack.bffs[index];
      if (!victim) continue;
      up = up.filter((url) => url !== victim.url);
      const survivor = stack.bffs.find((bff) => bff !== victim);
      if (survivor && stack.sandbox.push.settings().url?.startsWith(victim.url)) pushTo(survivor);
      await victim.kill();
      for (const id of await sendingHeldBy(campaign._id, victim.child.pid ?? -1)) killedWhileSending.add(id);
      kills += 1;
      options.log(`chaos: trial ${trial + 1}: killed instance ${index + 1} (SIGKILL: its requests and its dispatch workers mid-flight)`);
      stack.bffs[index] = await restart(victim.launch);
      up = stack.bffs.map((bff) => bff.url);
    }
    running = false;
    await load;
    await stopDispatchWorkers(stack, pushTo, { campaignId: campaign._id, whileSending: killedWhileSending });
    options.log('chaos: load stopped; WeChat\'s pushes settle, then the sweepers catch up');
    await new Promise((resolve) => setTimeout(resolve, 3000)); // WeChat Pay's scaled retries deliver what is pending
    await pushesSettled(stack);
    await catchUp(stack, options.log);
    const invariants = await checkInvariants({
      pay: stack.sandbox.pay,
      memberIds: [...buyers, ...owners, ...friends].map((member) => member.id),
      ownerIds: owners.map((owner) => owner.id),
      items: [pointsItem, cashItem].map((id) => ({ id, initialStock: ITEM_STOCK })),
    });
    const deliveries = await checkDeliveries({ campaignId: campaign._id, campaignName: CHAOS_CAMPAIGN_NAME, outbox: await stack.sandbox.control.outbox(), killedWhileSending }, invariants);
    return { kills, requests, faults, invariants, deliveries };
  } finally {
    await stack.stop();
  }
}
