import { inQuietHours, nextAllowedSendAt, type ProgramSettings } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { consentingMembers } from '../consents/consentingMembers';
import type { AppDeps } from '../http/deps';
import { MemberModel } from '../members/Member.model';
import { sendWithQuota, type SendOutcome } from '../subscriptions/sendSubscription';
import { SubscriptionQuotaModel, quotaId } from '../subscriptions/SubscriptionQuota.model';
import { templateIdOf } from '../subscriptions/subscriptionTemplates';
import { SendReceiptModel } from '../subscriptions/SendReceipt.model';
import { CampaignModel, type Campaign } from './Campaign.model';
import { renderMessage } from './campaignMessage';
import { campaignVariables } from './campaignVariables';
import { CampaignDeliveryModel, type CampaignDelivery } from './CampaignDelivery.model';
import { deliverCopyToInbox, landingPage, settleDelivery, type MemberForSend, type Settlement } from './deliverySteps';
import { releaseMarketingSlot, takeMarketingSlot } from './marketingCaps';
import { takeSendSlot } from './sendRate';
import { sendCampaignSms, smsAllowed, type SmsFaults } from './smsStep';

/** Crash points (tests): a throw stops the worker as a killed process would, leaving what it wrote. */
export interface DispatchFaults extends SmsFaults {
  afterClaim?: (claimed: CampaignDelivery[]) => void;
  afterSending?: (delivery: CampaignDelivery) => void;
  afterWechatCall?: (delivery: CampaignDelivery) => void;
}

export interface DispatchOptions {
  /** This worker's name (instance + run): leases carry it. */
  workerId: string;
  batchSize?: number;
  leaseMs?: number;
  faults?: DispatchFaults;
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
  deferred: number;
  /** The global send rate was reached: the rest of the batch went back to the queue. */
  rateLimited: boolean;
}

const MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 60_000;

/**
 * Claims up to `batchSize` due deliveries of running campaigns by lease: one read of candidates, then one
 * conditional update by id each (a candidate another worker took in between is simply not ours). Candidates are
 * taken in a shuffled order so that workers reading the same ones at once mostly take different ones.
 */
async function claimBatch(workerId: string, now: Date, batchSize: number, leaseMs: number): Promise<CampaignDelivery[]> {
  const running = (await CampaignModel.find({ state: 'running' }, { _id: 1 }).lean()).map((campaign) => campaign._id);
  if (running.length === 0) return [];
  const claimable = { state: 'queued' as const, campaignId: { $in: running }, nextAttemptAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] };
  const claimed: CampaignDelivery[] = [];
  for (let read = 0; read < 5 && claimed.length < batchSize; read += 1) {
    const candidates = await CampaignDeliveryModel.find(claimable, { _id: 1 }).sort({ nextAttemptAt: 1, _id: 1 }).limit(batchSize * 4).lean();
    if (candidates.length === 0) break;
    for (const { _id } of shuffled(candidates)) {
      if (claimed.length >= batchSize) break;
      const delivery = await CampaignDeliveryModel.findOneAndUpdate(
        { _id, ...claimable },
        { $set: { leaseOwner: workerId, leaseUntil: new Date(now.getTime() + leaseMs) } },
        { returnDocument: 'after' },
      ).lean();
      if (delivery) claimed.push(delivery);
    }
  }
  return claimed;
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

async function releaseLease(delivery: CampaignDelivery, workerId: string, nextAttemptAt?: Date): Promise<void> {
  await CampaignDeliveryModel.updateOne(
    { _id: delivery._id, state: 'queued', leaseOwner: workerId },
    { $set: { leaseOwner: null, leaseUntil: null, ...(nextAttemptAt ? { nextAttemptAt } : {}) } },
  );
}

type Step = 'sent' | 'skipped' | 'failed' | 'deferred' | 'rate_limited' | 'lost';

interface Worker {
  deps: AppDeps;
  now: Date;
  settings: ProgramSettings;
  workerId: string;
  faults: DispatchFaults;
  campaigns: Map<string, Campaign | null>;
  /** The batch's members and who of them agrees to marketing messages, read once per batch. */
  members: Map<string, MemberForSend>;
  consenting: Set<string>;
  /** Of them, who agrees to marketing SMS. */
  smsConsenting: Set<string>;
}

async function campaignOf(worker: Worker, campaignId: Types.ObjectId): Promise<Campaign | null> {
  const key = campaignId.toHexString();
  if (!worker.campaigns.has(key)) worker.campaigns.set(key, await CampaignModel.findById(campaignId).lean());
  return worker.campaigns.get(key) ?? null;
}

async function skipQueued(worker: Worker, delivery: CampaignDelivery, settlement: Settlement): Promise<Step> {
  return (await settleDelivery(delivery._id, 'queued', settlement, worker.now, worker.workerId)) ? 'skipped' : 'lost';
}

/** What a send's outcome makes of the delivery (it is in `sending`, held by this worker). */
async function afterSend(worker: Worker, delivery: CampaignDelivery, campaign: Campaign, data: Record<string, string>, outcome: SendOutcome): Promise<Step> {
  const { now } = worker;
  const toInbox = () => deliverCopyToInbox(delivery, campaign, data, now);
  const giveBackSlot = () => (delivery.marketing ? releaseMarketingSlot(delivery.memberId, delivery.key, now) : Promise.resolve());
  switch (outcome.kind) {
    case 'sent':
      await settleDelivery(delivery._id, 'sending', { state: 'sent', msgId: outcome.msgId }, now);
      if (outcome.msgId) await SendReceiptModel.updateOne({ _id: outcome.msgId, claimedBy: null }, { $set: { claimedBy: delivery.key } });
      await toInbox();
      return 'sent';
    case 'no_quota': {
      await giveBackSlot();
      if (outcome.errcode === null) {
        const reserved = delivery.laterSteps > 0 && ((await SubscriptionQuotaModel.findById(quotaId(delivery.memberId, templateIdOf(worker.deps.config, campaign.message.template)), { remaining: 1 }).lean())?.remaining ?? 0) > 0;
        await settleDelivery(delivery._id, 'sending', { state: 'skipped', skipReason: reserved ? 'quota_reserved' : 'no_quota', channel: 'inbox' }, now);
        await toInbox();
        return 'skipped';
      }
      await settleDelivery(delivery._id, 'sending', { state: 'failed', errcode: outcome.errcode }, now);
      await toInbox();
      return 'failed';
    }
    case 'refused':
      await giveBackSlot();
      await settleDelivery(delivery._id, 'sending', { state: 'failed', errcode: outcome.errcode }, now);
      await toInbox();
      return 'failed';
    case 'retry':
      if (delivery.attempts + 1 >= MAX_ATTEMPTS) {
        await giveBackSlot();
        await settleDelivery(delivery._id, 'sending', { state: 'failed', errcode: outcome.errcode }, now);
        await toInbox();
        return 'failed';
      }
      // Nothing was sent (WeChat answered busy): back to the queue after a backoff, the cap slot kept for it.
      await CampaignDeliveryModel.updateOne(
        { _id: delivery._id, state: 'sending' },
        { $set: { state: 'queued', sendingAt: null, leaseOwner: null, leaseUntil: null, nextAttemptAt: new Date(now.getTime() + RETRY_BASE_MS * 2 ** delivery.attempts) } },
      );
      return 'deferred';
    case 'ambiguous':
      // WeChat may have sent it: the receipt or the settle window decides (settleSendingDeliveries), never a re-send.
      await CampaignDeliveryModel.updateOne({ _id: delivery._id, state: 'sending' }, { $set: { leaseOwner: null, leaseUntil: null } });
      return 'deferred';
  }
}

async function processDelivery(worker: Worker, delivery: CampaignDelivery): Promise<Step> {
  const { deps, now, settings, workerId } = worker;
  const campaign = await campaignOf(worker, delivery.campaignId);
  if (!campaign || campaign.state !== 'running') {
    await releaseLease(delivery, workerId);
    return 'deferred';
  }
  if (now.getTime() > campaign.endsAt.getTime()) return skipQueued(worker, delivery, { state: 'skipped', skipReason: 'expired' });
  const member = worker.members.get(delivery.memberId.toHexString());
  if (!member || member.status !== 'active') return skipQueued(worker, delivery, { state: 'skipped', skipReason: 'member_gone' });
  // Channels in order: the subscription message (marketing: with the consent to marketing messages), else the SMS.
  const subscriptionAllowed = !campaign.message.smsOnly && (!delivery.marketing || worker.consenting.has(member._id.toHexString()));
  const smsPossible = smsAllowed(campaign, member, worker.smsConsenting);
  if (!subscriptionAllowed && !smsPossible) return skipQueued(worker, delivery, { state: 'skipped', skipReason: 'no_consent' });
  if (delivery.marketing && inQuietHours(now, settings.marketing.quietHours)) {
    await releaseLease(delivery, workerId, nextAllowedSendAt(now, settings.marketing.quietHours));
    return 'deferred';
  }
  const variables = campaignVariables(member, campaign, now);
  const { data, problems } = renderMessage(campaign.message, variables);
  if (delivery.marketing && !(await takeMarketingSlot(member._id, delivery.key, now, settings.marketing))) {
    const skipped = await skipQueued(worker, delivery, { state: 'skipped', skipReason: 'cap', channel: 'inbox' });
    if (skipped === 'skipped') await deliverCopyToInbox(delivery, campaign, data, now);
    return skipped;
  }
  if (!(await takeSendSlot(now, deps.config.CAMPAIGN_SEND_RATE_PER_SECOND))) {
    await releaseLease(delivery, workerId);
    return 'rate_limited';
  }
  const templateId = templateIdOf(deps.config, campaign.message.template);
  const started = await CampaignDeliveryModel.findOneAndUpdate(
    { _id: delivery._id, state: 'queued', leaseOwner: workerId },
    { $set: { state: 'sending', sendingAt: now, sentTo: member.openid, templateId, channel: subscriptionAllowed ? 'subscription' : 'sms' }, $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  ).lean();
  if (!started) return 'lost';
  worker.faults.afterSending?.(started);
  const viaSms = () => sendCampaignSms({ deps, now, workerId, faults: worker.faults, maxAttempts: MAX_ATTEMPTS, retryBaseMs: RETRY_BASE_MS }, started, campaign, member, variables, data);
  if (!subscriptionAllowed) return viaSms();
  // A member value that breaks the template (a long nickname) would be refused by WeChat (47003): not sent.
  const outcome: SendOutcome =
    problems.length > 0
      ? { kind: 'refused', errcode: 47003 }
      : await sendWithQuota(
          deps,
          { memberId: member._id, openid: member.openid, template: campaign.message.template, data, page: landingPage(campaign, delivery._id), sendKey: delivery.key, keepAtLeast: delivery.laterSteps },
          now,
          { afterWechatCall: () => worker.faults.afterWechatCall?.(started) },
        );
  // No quota (none held, or WeChat's 43101): nothing was sent by WeChat, so the SMS may go instead.
  if (outcome.kind === 'no_quota' && smsPossible) return viaSms();
  return afterSend(worker, delivery, campaign, data, outcome);
}

/**
 * One dispatch round of one worker: claim a batch by lease, then for each delivery check the campaign, the member,
 * consent, quiet hours (defer), the caps (skip), the global send rate (stop the round), and send through the quota
 * ledger. Any number of workers on any instances may run at once: every step is a conditional update.
 */
export async function dispatchDeliveries(deps: AppDeps, options: DispatchOptions): Promise<DispatchResult> {
  const now = deps.now();
  const { settings } = await deps.settings.at(now);
  const claimed = await claimBatch(options.workerId, now, options.batchSize ?? 100, options.leaseMs ?? 5 * 60_000);
  const faults = options.faults ?? {};
  faults.afterClaim?.(claimed);
  const memberIds = claimed.map((delivery) => delivery.memberId);
  const [members, consenting, smsConsenting] = await Promise.all([
    MemberModel.find({ _id: { $in: memberIds } }, { openid: 1, status: 1, nickname: 1, birthday: 1, phone: 1 }).lean(),
    consentingMembers(memberIds, 'marketing_messages'),
    consentingMembers(memberIds, 'sms_marketing'),
  ]);
  const worker: Worker = {
    deps,
    now,
    settings,
    workerId: options.workerId,
    faults,
    campaigns: new Map(),
    members: new Map(members.map((member) => [member._id.toHexString(), member])),
    consenting,
    smsConsenting,
  };
  const result: DispatchResult = { claimed: claimed.length, sent: 0, skipped: 0, failed: 0, deferred: 0, rateLimited: false };
  for (const [index, delivery] of claimed.entries()) {
    const step = await processDelivery(worker, delivery);
    if (step === 'rate_limited') {
      result.rateLimited = true;
      await Promise.all(claimed.slice(index + 1).map((rest) => releaseLease(rest, options.workerId)));
      break;
    }
    if (step === 'sent' || step === 'skipped' || step === 'failed' || step === 'deferred') result[step] += 1;
  }
  return result;
}
