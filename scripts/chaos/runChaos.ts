import path from 'node:path';
import { Types } from 'mongoose';
import { loadConfig } from '../../bff/src/config/config';
import { createDeps } from '../../bff/src/deps';
import { HelpCampaignModel } from '../../bff/src/help/HelpCampaign.model';
import { jobs } from '../../bff/src/jobs/jobs';
import { createLogger } from '../../bff/src/logger';
import { MallItemModel } from '../../bff/src/mall/MallItem.model';
import { MallOrderModel } from '../../bff/src/orders/MallOrder.model';
import { currentShareLink } from '../../bff/src/referral/shareLinks';
import { ROOT, startBuiltBff } from '../bench/bffProcess';
import { inBatches } from '../bench/fixtures/inBatches';
import { memberHeaders, seedMembers, type BenchMember } from '../bench/fixtures/members';
import { productionBffEnv } from '../bench/productionEnv';
import { startBenchStack, type BenchStack } from '../bench/stack';
import { postWithFailover } from './failoverClient';
import { checkInvariants, type InvariantReport } from './invariants';
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
}

const ITEM_STOCK = 3000;
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

/** The sweepers' catch-up, as if an hour had passed: every job once, twice over, with every open order due now. */
async function catchUp(stack: BenchStack, log: (line: string) => void): Promise<void> {
  const config = loadConfig(productionBffEnv(stack.secrets, { port: 1, metricsPort: 1, mongoUri: stack.mongoUri, sandboxUrl: stack.sandbox.url, jobsEnabled: false }));
  const later = (): Date => new Date(Date.now() + 60 * 60_000);
  const deps = createDeps(config, createLogger('warn'), { now: later });
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
}

/**
 * `npm run chaos`: mixed load (points redemptions, points + WeChat Pay redemptions, friend help) on two production
 * BFFs; every few seconds one is killed with SIGKILL and started again, while the sandbox injects faults (system busy,
 * failed prepays, duplicated notifications). Then the sweepers catch up and the invariants are checked.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosOutcome> {
  const random = seededRandom(options.seed);
  const stack = await startBenchStack({ instances: 2, artifactsDir: path.join(ROOT, '.artifacts/chaos'), payTimeScale: 0.01, log: options.log });
  const requests: Record<string, number> = {};
  const count = (name: string): void => {
    requests[name] = (requests[name] ?? 0) + 1;
  };
  let kills = 0;
  let faults = 0;
  try {
    const now = new Date();
    const buyers = await seedMembers({ group: 50, count: 100, points: 100_000 }, stack.secrets, now);
    const owners = await seedMembers({ group: 51, count: 100 }, stack.secrets, now);
    const friends = await seedMembers({ group: 52, count: 300 }, stack.secrets, now);
    await inBatches(friends, 8, (friend) => stack.sandbox.control.visit({ openid: friend.openid }));
    const shares = await seedCampaigns(owners, now);
    const pointsItem = await seedItem('chaos-points', 100, 0);
    const cashItem = await seedItem('chaos-cash', 50, 990);
    let up: string[] = stack.bffs.map((bff) => bff.url);
    const targets = (): readonly string[] => up;

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
      const index = Math.floor(random() * stack.bffs.length);
      const victim = stack.bffs[index];
      if (!victim) continue;
      up = up.filter((url) => url !== victim.url);
      await victim.kill();
      kills += 1;
      options.log(`chaos: trial ${trial + 1}: killed instance ${index + 1} (SIGKILL)`);
      stack.bffs[index] = await startBuiltBff({ ...victim.launch, appendLog: true });
      up = stack.bffs.map((bff) => bff.url);
    }
    running = false;
    await load;
    options.log('chaos: load stopped; the sweepers catch up');
    await new Promise((resolve) => setTimeout(resolve, 3000)); // WeChat Pay's scaled retries deliver what is pending
    await catchUp(stack, options.log);
    const invariants = await checkInvariants({
      pay: stack.sandbox.pay,
      memberIds: [...buyers, ...owners, ...friends].map((member) => member.id),
      ownerIds: owners.map((owner) => owner.id),
      items: [pointsItem, cashItem].map((id) => ({ id, initialStock: ITEM_STOCK })),
    });
    return { kills, requests, faults, invariants };
  } finally {
    await stack.stop();
  }
}
