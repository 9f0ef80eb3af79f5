import { buildTestApp } from '../test/app';
import { buildCampaign, grantMarketingConsent, useCampaignEngine } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { MemberModel, type Member } from '../members/Member.model';
import { quotaId, SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { dispatchDeliveries } from './dispatchDeliveries';
import { materialiseCampaign } from './materialiseCampaign';
import { settleSendingDeliveries } from './settleSendingDeliveries';

useTestDatabase();
// WeChat's pushes reach the app: accepts feed the ledger and each send's receipt comes back.
const sandbox = useWechatSandbox({ push: { mode: 'safe' } });

const ORDER_STATUS = 'sandbox-tmpl-order-status';
/** A transactional template: no quiet hours or caps, whatever the real time of day (the quota still applies). */
const orderStatus = {
  template: 'orderStatus' as const,
  fields: { character_string1: 'CD2026112301', phrase2: '待取货', amount3: '¥88.00', time4: '2026-11-23 15:00' },
  page: 'pages/birthday/index',
  inboxTitle: '订单可取货',
};
// The sandbox's clock is the real one (receipts carry it); the app's is moved from there. The real time at each test's
// start: WeChat's pushes are signed with it and refused 5 minutes away from the app's clock.
const engine = useCampaignEngine(sandbox, { startsAt: () => new Date(), clear: [MemberModel, CampaignDeliveryModel, SubscriptionQuotaModel] });
const { clock } = engine;
beforeEach(() => {
  sandbox.serve(engine.app().server);
});

async function subscriber(name: string, accepts: number): Promise<Member> {
  const { openid } = await sandbox.control().visit({ user: name });
  const member = await buildMember({ openid });
  await grantMarketingConsent([member]);
  const { pushIds } = await sandbox.control().subscribe({ openid }, 'orderStatus', 'accept', accepts);
  for (const pushId of pushIds) await sandbox.control().pushSettled(pushId);
  return member;
}

const deliveryOf = async (member: Member) => CampaignDeliveryModel.findOne({ memberId: member._id }).lean();

describe('a send in doubt is settled, never sent again', () => {
  it('killed after WeChat took the message: the receipt (subscribe_msg_sent_event) settles it as sent with its MsgID', async () => {
    const member = await subscriber('receipt', 2);
    const campaign = await buildCampaign({ createdAt: clock.now, message: orderStatus });
    await materialiseCampaign(campaign._id, clock.now);
    await expect(
      dispatchDeliveries(engine.app().deps, {
        workerId: 'doomed',
        faults: {
          afterWechatCall: () => {
            throw new Error('worker killed');
          },
        },
      }),
    ).rejects.toThrow('worker killed');
    expect(await sandbox.control().pushSettled('last')).toMatchObject({ delivered: true });
    // Within the lease nobody touches it; after, the receipt decides.
    expect(await settleSendingDeliveries(engine.app().deps)).toEqual({ byReceipt: 0, unknown: 0, waiting: 0 });
    clock.now = new Date(clock.now.getTime() + 6 * 60_000);
    expect(await settleSendingDeliveries(engine.app().deps)).toEqual({ byReceipt: 1, unknown: 0, waiting: 0 });
    const [sent] = await sandbox.control().outbox(member.openid);
    expect(await deliveryOf(member)).toMatchObject({ state: 'sent', msgId: sent?.msgid });
    expect(await dispatchDeliveries(engine.app().deps, { workerId: 'later' })).toMatchObject({ claimed: 0 });
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(1);
    expect(await SubscriptionQuotaModel.findById(quotaId(member._id, ORDER_STATUS)).lean()).toMatchObject({ remaining: 1, reservations: [], sentTotal: 1 });
  });

  it('WeChat answers too late: the delivery waits in sending, marked unanswered, until the receipt settles it as sent', async () => {
    const member = await subscriber('late', 1);
    const campaign = await buildCampaign({ createdAt: clock.now, message: orderStatus });
    await materialiseCampaign(campaign._id, clock.now);
    // WeChat takes the message (and pushes its receipt), then answers after the BFF has stopped waiting.
    const impatient = buildTestApp({ config: sandbox.config({ WECHAT_TIMEOUT_MS: '1500' }), now: () => clock.now });
    await sandbox.control().answerLate('subscribe.send', 4_000, 1);
    expect(await dispatchDeliveries(impatient.deps, { workerId: 'impatient' })).toMatchObject({ claimed: 1, sent: 0, deferred: 1 });
    expect(await deliveryOf(member)).toMatchObject({ state: 'sending', leaseOwner: null, unansweredAt: clock.now });
    expect(await dispatchDeliveries(engine.app().deps, { workerId: 'later' })).toMatchObject({ claimed: 0 });
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(1);
    expect(await sandbox.control().pushSettled('last')).toMatchObject({ delivered: true });
    clock.now = new Date(clock.now.getTime() + 6 * 60_000);
    expect(await settleSendingDeliveries(engine.app().deps)).toEqual({ byReceipt: 1, unknown: 0, waiting: 0 });
    expect(await deliveryOf(member)).toMatchObject({ state: 'sent' });
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(1);
  });

  it('WeChat busy (-1): back to the queue with a backoff, then sent once', async () => {
    const member = await subscriber('busy', 1);
    const campaign = await buildCampaign({ createdAt: clock.now, message: orderStatus });
    await materialiseCampaign(campaign._id, clock.now);
    await sandbox.control().injectFault('subscribe.send', -1);
    expect(await dispatchDeliveries(engine.app().deps, { workerId: 'w1' })).toMatchObject({ claimed: 1, deferred: 1 });
    expect(await deliveryOf(member)).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: new Date(clock.now.getTime() + 60_000) });
    expect(await dispatchDeliveries(engine.app().deps, { workerId: 'w2' })).toMatchObject({ claimed: 0 });
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect(await dispatchDeliveries(engine.app().deps, { workerId: 'w3' })).toMatchObject({ sent: 1 });
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(1);
  });

  it('43101: failed with the errcode, not retried; the ledger is zeroed and flagged', async () => {
    const member = await subscriber('drift', 1);
    const campaign = await buildCampaign({ createdAt: clock.now, message: orderStatus });
    await materialiseCampaign(campaign._id, clock.now);
    await sandbox.control().injectFault('subscribe.send', 43101);
    expect(await dispatchDeliveries(engine.app().deps, { workerId: 'w1' })).toMatchObject({ failed: 1 });
    expect(await deliveryOf(member)).toMatchObject({ state: 'failed', errcode: 43101 });
    expect(await SubscriptionQuotaModel.findById(quotaId(member._id, ORDER_STATUS)).lean()).toMatchObject({ remaining: 0, drift: true });
    clock.now = new Date(clock.now.getTime() + 3600_000);
    expect(await dispatchDeliveries(engine.app().deps, { workerId: 'w2' })).toMatchObject({ claimed: 0 });
  });
});
