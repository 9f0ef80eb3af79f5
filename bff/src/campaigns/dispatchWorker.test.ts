import { businessInstant } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { buildCampaign, creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { MemberModel, type Member } from '../members/Member.model';
import { InboxMessageModel } from '../messages/InboxMessage.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { startDispatchWorker, type DispatchWorker } from './dispatchWorker';
import { materialiseCampaign } from './materialiseCampaign';
import { SendRateWindowModel } from './SendRateWindow.model';

useTestDatabase();
const sandbox = useWechatSandbox();

const clock = { now: businessInstant('2026-11-23T10:00:00') };
let instances: TestApp[];
let workers: DispatchWorker[] = [];

beforeAll(() => {
  // A global rate of 20 a second, shared by three instances through the database.
  const config = sandbox.config({ CAMPAIGN_SEND_RATE_PER_SECOND: '20' });
  instances = Array.from({ length: 3 }, () => buildTestApp({ config, now: () => clock.now }));
});
beforeEach(async () => {
  await sandbox.control().reset();
  await Promise.all([MemberModel, CampaignDeliveryModel, InboxMessageModel, SubscriptionQuotaModel, SendRateWindowModel, DailyCounterModel].map((model) => (model as typeof MemberModel).deleteMany({})));
  clock.now = businessInstant('2026-11-23T10:00:00');
});
afterEach(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  workers = [];
});

async function subscribedMembers(count: number): Promise<Member[]> {
  const members: Member[] = [];
  for (let index = 0; index < count; index += 1) {
    const { openid } = await sandbox.control().subscribe({ user: `worker-${index}` }, 'birthdayReminder');
    const member = await buildMember({ openid });
    await creditTestAccepts(member, 'sandbox-tmpl-birthday-reminder', 1, clock.now);
    members.push(member);
  }
  await grantMarketingConsent(members);
  return members;
}

const unsettled = () => CampaignDeliveryModel.countDocuments({ state: { $in: ['queued', 'sending'] } });

describe('dispatch workers on every instance', () => {
  it('three instances’ workers share one campaign: each member gets one message, and together they keep to the global send rate', async () => {
    const members = await subscribedMembers(50);
    const campaign = await buildCampaign({ createdAt: clock.now });
    await materialiseCampaign(campaign._id, clock.now);
    workers = instances.map((instance, index) => startDispatchWorker(instance.deps, { workerId: `instance-${index}`, batchSize: 7, idleMs: 10 }));

    // The clock stands still: within this second the three together send 20, then every worker is held back.
    await Promise.all(workers.map((worker) => worker.nextRound((result) => result.rateLimited)));
    expect((await sandbox.control().outbox()).length).toBe(20);

    // Each further second lets 20 more go, until everyone has theirs.
    for (let second = 1; (await unsettled()) > 0 && second < 10; second += 1) {
      clock.now = new Date(clock.now.getTime() + 1000);
      await Promise.all(workers.map((worker) => worker.nextRound()));
      await Promise.all(workers.map((worker) => worker.nextRound()));
    }
    const outbox = await sandbox.control().outbox();
    expect(outbox).toHaveLength(members.length);
    expect(new Set(outbox.map((message) => message.touser)).size).toBe(members.length);
    expect(await CampaignDeliveryModel.countDocuments({ state: 'sent' })).toBe(members.length);
  }, 120_000);

  it('stop() cuts an idle wait short and waits for the round in flight: nothing is left held by the worker', async () => {
    await subscribedMembers(10);
    const campaign = await buildCampaign({ createdAt: clock.now });
    await materialiseCampaign(campaign._id, clock.now);
    // A long idle wait: a stop that waited it out would time the test out.
    const worker = startDispatchWorker(instances[0]!.deps, { workerId: 'stopping', batchSize: 3, idleMs: 10 * 60_000 });
    await worker.nextRound();
    await worker.stop();
    const roundsAtStop = worker.rounds;
    expect(await CampaignDeliveryModel.countDocuments({ state: 'sending' })).toBe(0);
    expect(await CampaignDeliveryModel.countDocuments({ leaseOwner: { $regex: /^stopping:/ }, state: 'queued' })).toBe(0);
    expect(worker.rounds).toBe(roundsAtStop);

    const idle = startDispatchWorker(instances[1]!.deps, { workerId: 'idle', idleMs: 10 * 60_000 });
    workers = [idle];
    await idle.nextRound((result) => result.claimed === 0);
    await idle.stop();
    expect(await unsettled()).toBe(0);
  });
});
