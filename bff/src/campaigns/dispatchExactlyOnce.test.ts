import { businessInstant } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { buildCampaign, creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { MemberModel, type Member } from '../members/Member.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { InboxMessageModel } from '../messages/InboxMessage.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { dispatchDeliveries, type DispatchFaults } from './dispatchDeliveries';
import { materialiseCampaign } from './materialiseCampaign';
import { settleSendingDeliveries } from './settleSendingDeliveries';
import { SendRateWindowModel } from './SendRateWindow.model';

useTestDatabase();
// No push URL: the sandbox keeps its receipts to itself, so a crashed send can only become `unknown` here.
const sandbox = useWechatSandbox();

const REMINDER = 'sandbox-tmpl-birthday-reminder';
const clock = { now: businessInstant('2026-11-23T10:00:00') };
let instances: TestApp[];

beforeAll(() => {
  const config = sandbox.config({ CAMPAIGN_SEND_RATE_PER_SECOND: '10000' });
  instances = Array.from({ length: 4 }, () => buildTestApp({ config, now: () => clock.now }));
});
beforeEach(async () => {
  await sandbox.control().reset();
  // Each test's campaign reaches every active member: start from none.
  await Promise.all([MemberModel.deleteMany({}), CampaignDeliveryModel.deleteMany({}), InboxMessageModel.deleteMany({}), SubscriptionQuotaModel.deleteMany({}), SendRateWindowModel.deleteMany({})]);
  clock.now = businessInstant('2026-11-23T10:00:00');
});

/** `count` members who are sandbox users with one accept of 生日提醒 (in WeChat and in the ledger) and marketing consent. */
async function subscribedMembers(count: number, prefix: string): Promise<Member[]> {
  const members: Member[] = [];
  for (let start = 0; start < count; start += 25) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(25, count - start) }, async (_, offset) => {
        const { openid } = await sandbox.control().subscribe({ user: `${prefix}-${start + offset}` }, 'birthdayReminder');
        const member = await buildMember({ openid });
        await creditTestAccepts(member, REMINDER, 1, clock.now);
        return member;
      }),
    );
    members.push(...chunk);
  }
  await grantMarketingConsent(members);
  return members;
}

/** A worker's rounds until nothing is left to claim. */
async function drain(app: TestApp, workerId: string, batchSize: number, faults?: DispatchFaults): Promise<void> {
  for (let round = 0; round < 1000; round += 1) {
    if ((await dispatchDeliveries(app.deps, { workerId: `${workerId}:${round}`, batchSize, faults })).claimed === 0) return;
  }
}

async function outboxCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const message of await sandbox.control().outbox()) counts.set(message.touser, (counts.get(message.touser) ?? 0) + 1);
  return counts;
}

describe('exactly once', () => {
  it('one campaign over 2,000 members dispatched by 4 instances at once: each member gets exactly one message', async () => {
    const members = await subscribedMembers(2000, 'once');
    const campaign = await buildCampaign({ createdAt: clock.now });
    await materialiseCampaign(campaign._id, clock.now, 300);
    expect(await CampaignDeliveryModel.countDocuments({ campaignId: campaign._id, state: 'queued' })).toBe(2000);

    await Promise.all(instances.map((app, index) => drain(app, `instance-${index}`, 40)));

    const counts = await outboxCounts();
    expect(counts.size).toBe(2000);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(members.map((member) => member.openid))).toEqual(new Set(counts.keys()));
    expect(await CampaignDeliveryModel.countDocuments({ campaignId: campaign._id, state: 'sent' })).toBe(2000);
    expect(await InboxMessageModel.countDocuments({})).toBe(2000);
  }, 600_000);

  it('materialisation crashed mid-batch and repeated: one delivery per member, none missing', async () => {
    const members = await subscribedMembers(60, 'mat');
    const campaign = await buildCampaign({ createdAt: clock.now });
    let inserts = 0;
    await expect(
      materialiseCampaign(campaign._id, clock.now, 25, {
        afterInsert: () => {
          inserts += 1;
          if (inserts === 2) throw new Error('killed after inserting the second batch');
        },
      }),
    ).rejects.toThrow('killed');
    await materialiseCampaign(campaign._id, clock.now, 25);
    const deliveries = await CampaignDeliveryModel.find({ campaignId: campaign._id }).lean();
    expect(deliveries).toHaveLength(60);
    expect(new Set(deliveries.map((delivery) => delivery.memberId.toHexString()))).toEqual(new Set(members.map((member) => member._id.toHexString())));
  });

  it.each([
    ['after claiming its batch', (crash: () => never): DispatchFaults => ({ afterClaim: () => crash() })],
    ['after marking a delivery sending, before calling WeChat', (crash: () => never): DispatchFaults => {
      let seen = 0;
      return { afterSending: () => (++seen === 5 ? crash() : undefined) };
    }],
    ['after WeChat took the message, before its outcome was written', (crash: () => never): DispatchFaults => {
      let seen = 0;
      return { afterWechatCall: () => (++seen === 5 ? crash() : undefined) };
    }],
  ])('a worker killed %s: after recovery nobody gets two, and no queued delivery is lost', async (_when, faultsFor) => {
    const members = await subscribedMembers(120, `crash-${_when.length}`);
    const campaign = await buildCampaign({ createdAt: clock.now });
    await materialiseCampaign(campaign._id, clock.now, 500);
    const crash = (): never => {
      throw new Error('worker killed');
    };
    const [first, ...others] = instances as [TestApp, ...TestApp[]];
    await expect(dispatchDeliveries(first.deps, { workerId: 'doomed', batchSize: 30, faults: faultsFor(crash) })).rejects.toThrow('worker killed');
    // The others run meanwhile: the doomed worker's leases keep its batch from them.
    await Promise.all(others.map((app, index) => drain(app, `survivor-${index}`, 20)));
    // Later: its leases have run out and the settle window has passed.
    clock.now = new Date(clock.now.getTime() + 15 * 60_000);
    await Promise.all(others.map((app, index) => drain(app, `later-${index}`, 20)));
    await settleSendingDeliveries(first.deps);
    await Promise.all(others.map((app, index) => drain(app, `after-settle-${index}`, 20)));

    const counts = await outboxCounts();
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    const deliveries = await CampaignDeliveryModel.find({ campaignId: campaign._id }).lean();
    expect(deliveries).toHaveLength(members.length);
    const states = deliveries.reduce<Record<string, number>>((tally, delivery) => ({ ...tally, [delivery.state]: (tally[delivery.state] ?? 0) + 1 }), {});
    // Every delivery settled; only the one crashed inside its send is in doubt, and it was never sent twice.
    expect(states.queued ?? 0).toBe(0);
    expect(states.sending ?? 0).toBe(0);
    expect((states.sent ?? 0) + (states.unknown ?? 0)).toBe(members.length);
    expect(states.unknown ?? 0).toBeLessThanOrEqual(1);
    expect(counts.size).toBe((states.sent ?? 0) + (_when.startsWith('after WeChat') ? 1 : 0));
  });

  it('the global send rate: a round stops at the second’s limit and the rest waits for the next second', async () => {
    const members = await subscribedMembers(12, 'rate');
    const limited = buildTestApp({ config: sandbox.config({ CAMPAIGN_SEND_RATE_PER_SECOND: '5' }), now: () => clock.now });
    const campaign = await buildCampaign({ createdAt: clock.now });
    await materialiseCampaign(campaign._id, clock.now);
    expect(await dispatchDeliveries(limited.deps, { workerId: 'r1' })).toMatchObject({ sent: 5, rateLimited: true });
    expect(await dispatchDeliveries(limited.deps, { workerId: 'r2' })).toMatchObject({ sent: 0, rateLimited: true });
    clock.now = new Date(clock.now.getTime() + 1000);
    expect(await dispatchDeliveries(limited.deps, { workerId: 'r3' })).toMatchObject({ sent: 5, rateLimited: true });
    clock.now = new Date(clock.now.getTime() + 1000);
    expect(await dispatchDeliveries(limited.deps, { workerId: 'r4' })).toMatchObject({ sent: 2, rateLimited: false });
    expect((await outboxCounts()).size).toBe(members.length);
  });

  it('several instances at once never pass the second’s limit between them', async () => {
    const members = await subscribedMembers(30, 'rate-shared');
    const limited = Array.from({ length: 4 }, () => buildTestApp({ config: sandbox.config({ CAMPAIGN_SEND_RATE_PER_SECOND: '7' }), now: () => clock.now }));
    const campaign = await buildCampaign({ createdAt: clock.now });
    await materialiseCampaign(campaign._id, clock.now);
    const rounds = await Promise.all(limited.map((app, index) => dispatchDeliveries(app.deps, { workerId: `shared-${index}`, batchSize: 10 })));
    expect(rounds.reduce((sum, round) => sum + round.sent, 0)).toBe(7);
    expect((await outboxCounts()).size).toBe(7);
    clock.now = new Date(clock.now.getTime() + 60_000);
    // Each second, every instance's rounds until the second is full or nothing is left.
    for (let second = 0; second < 10 && (await outboxCounts()).size < members.length; second += 1) {
      await Promise.all(
        limited.map(async (app, index) => {
          for (let round = 0; round < 10; round += 1) {
            const result = await dispatchDeliveries(app.deps, { workerId: `shared-${second}-${index}-${round}`, batchSize: 10 });
            if (result.claimed === 0 || result.rateLimited) return;
          }
        }),
      );
      clock.now = new Date(clock.now.getTime() + 1000);
    }
    const counts = await outboxCounts();
    expect(counts.size).toBe(members.length);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it('slots a round took and did not send with go back to the second (the day’s cap skips a member’s second campaign)', async () => {
    await subscribedMembers(3, 'rate-unused');
    // Two pushes to the same three members in one batch: each member's first is sent, the second skipped at the
    // daily cap of one, so the round's first send takes slots for six and uses three, whatever the batch's order.
    for (const name of ['第一场', '第二场']) {
      const campaign = await buildCampaign({ name, createdAt: clock.now });
      await materialiseCampaign(campaign._id, clock.now);
    }
    expect(await dispatchDeliveries(instances[0]!.deps, { workerId: 'unused' })).toMatchObject({ sent: 3, skipped: 3, rateLimited: false });
    expect((await SendRateWindowModel.findById(Math.floor(clock.now.getTime() / 1000)).lean())?.count).toBe(3);
  });
});
