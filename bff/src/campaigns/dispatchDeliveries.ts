import { careStillDue, inQuietHours, lastValidDayText, nextAllowedSendAt, type CampaignVariables, type ProgramSettings, type SkipReason } from '@cakeday/shared';
import { consentingMembers } from '../consents/consentingMembers';
import type { AppDeps } from '../http/deps';
import { MemberModel } from '../members/Member.model';
import { sendWithQuota, type SendOutcome } from '../subscriptions/sendSubscription';
import { SubscriptionQuotaModel, quotaId } from '../subscriptions/SubscriptionQuota.model';
import { templateIdOf } from '../subscriptions/subscriptionTemplates';
import { SendReceiptModel } from '../subscriptions/SendReceipt.model';
import { CampaignModel, type Campaign } from './Campaign.model';
import { grantDeliveryBenefit } from './campaignBenefit';
import { renderMessage } from './campaignMessage';
import { campaignForVariant } from './campaignVariant';
import { campaignVariables } from './campaignVariables';
import { CampaignDeliveryModel, type CampaignDelivery } from './CampaignDelivery.model';
import { deliverCopyToInbox, landingPage, leaveUnanswered, settleDelivery, type MemberForSend, type Settlement } from './deliverySteps';
import { releaseMarketingSlot, takeMarketingSlot } from './marketingCaps';
import { recordDeliverySent } from './results/recordCampaignEvents';
import { SendSlotHolder } from './sendRate';
import { sendCampaignSms, smsAllowed, type SmsFaults } from './smsStep';

/** Crash points (tests): a throw stops the worker as a killed process would, leaving what it wrote. */
export interface DispatchFaults extends SmsFaults {
  afterClaim?: (claimed: CampaignDelivery[]) => void;
  /** After the delivery's benefit is granted, before anything is sent (the lease expires; the next round repeats it). */
  afterGrant?: (delivery: CampaignDelivery) => void;
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
 * Claims up to `batchSize` due deliveries of running campaigns by lease: one read of candidates, then one conditional
 * update of a shuffled pick of them (each document is taken or not on its own: one another worker took in between is
 * simply not ours), then a read of those now leased to this worker until this round's lease end. Candidates are picked
 * in a shuffled order so that workers reading the same ones at once mostly take different ones.
 */
async function claimBatch(workerId: string, now: Date, batchSize: number, leaseMs: number): Promise<CampaignDelivery[]> {
  const running = (await CampaignModel.find({ state: 'running' }, { _id: 1 }).lean()).map((campaign) => campaign._id);
  if (running.length === 0) return [];
  const claimable = { state: 'queued' as const, campaignId: { $in: running }, nextAttemptAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] };
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimed: CampaignDelivery[] = [];
  for (let read = 0; read < 5 && claimed.length < batchSize; read += 1) {
    const candidates = await CampaignDeliveryModel.find(claimable, { _id: 1 }).sort({ nextAttemptAt: 1, _id: 1 }).limit(batchSize * 4).lean();
    if (candidates.length === 0) break;
    const picked = shuffled(candidates)
      .slice(0, batchSize - claimed.length)
      .map(({ _id }) => _id);
    await CampaignDeliveryModel.updateMany({ _id: { $in: picked }, ...claimable }, { $set: { leaseOwner: workerId, leaseUntil } });
    claimed.push(...(await CampaignDeliveryModel.find({ _id: { $in: picked }, leaseOwner: workerId, leaseUntil }).lean()));
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
  await releaseLeases([delivery], workerId, nextAttemptAt);
}

/** Back to the queue, untouched (due again at `nextAttemptAt` when given): one update for all of them. */
async function releaseLeases(deliveries: readonly CampaignDelivery[], workerId: string, nextAttemptAt?: Date): Promise<void> {
  if (deliveries.length === 0) return;
  await CampaignDeliveryModel.updateMany(
    { _id: { $in: deliveries.map((delivery) => delivery._id) }, state: 'queued', leaseOwner: workerId },
    { $set: { leaseOwner: null, leaseUntil: null, ...(nextAttemptAt ? { nextAttemptAt } : {}) } },
  );
}

/** Queued deliveries that will not be sent, settled `skipped` for one reason: one conditional update for all of them. */
async function skipAll(deliveries: readonly CampaignDelivery[], skipReason: SkipReason, worker: Worker): Promise<number> {
  if (deliveries.length === 0) return 0;
  const skipped = await CampaignDeliveryModel.updateMany(
    { _id: { $in: deliveries.map((delivery) => delivery._id) }, state: 'queued', leaseOwner: worker.workerId },
    { $set: { state: 'skipped', msgId: null, errcode: null, skipReason, settledAt: worker.now, leaseOwner: null, leaseUntil: null, eventPending: true } },
  );
  return skipped.modifiedCount;
}

type Step = 'sent' | 'skipped' | 'failed' | 'deferred' | 'rate_limited' | 'lost';

interface Worker {
  deps: AppDeps;
  now: Date;
  settings: ProgramSettings;
  workerId: string;
  faults: DispatchFaults;
  /** The batch's campaigns, members and who of them agrees to marketing messages, read once per batch. */
  campaigns: Map<string, Campaign>;
  members: Map<string, MemberForSend>;
  consenting: Set<string>;
  /** Of them, who agrees to marketing SMS. */
  smsConsenting: Set<string>;
  slots: SendSlotHolder;
  /** WeChat's receipts of this round's sends, claimed for their deliveries in one update at the end of the round. */
  receipts: { msgId: string; key: string }[];
}

/** What the batch's own data decides about a delivery before anything is taken for it. */
/** Channels in order: the subscription message (marketing: with the consent to marketing messages), else the SMS. */
interface Channels {
  subscriptionAllowed: boolean;
  smsPossible: boolean;
}

type Verdict = { kind: 'send'; stored: Campaign; campaign: Campaign; member: MemberForSend; channels: Channels } | { kind: 'skip'; reason: SkipReason } | { kind: 'defer'; until?: Date };

function verdictOf(worker: Worker, delivery: CampaignDelivery): Verdict {
  const { now, settings } = worker;
  const stored = worker.campaigns.get(delivery.campaignId.toHexString());
  // The delivery's variant decides the message (its text and template); the campaign's state and end are shared.
  const campaign = stored ? campaignForVariant(stored, delivery.variant) : undefined;
  if (!stored || !campaign || campaign.state !== 'running') return { kind: 'defer' };
  if (now.getTime() > campaign.endsAt.getTime()) return { kind: 'skip', reason: 'expired' };
  const member = worker.members.get(delivery.memberId.toHexString());
  if (!member || member.status !== 'active') return { kind: 'skip', reason: 'member_gone' };
  // A care message waiting for its send time is not owed once the member has bought again.
  if (campaign.trigger.kind === 'inactive' && !careStillDue(delivery.occurrence, member.lifecycle?.lastPaidAt)) return { kind: 'skip', reason: 'no_longer_eligible' };
  const channels: Channels = {
    subscriptionAllowed: !campaign.message.smsOnly && (!delivery.marketing || worker.consenting.has(member._id.toHexString())),
    smsPossible: smsAllowed(campaign, member, worker.smsConsenting),
  };
  if (!channels.subscriptionAllowed && !channels.smsPossible) return { kind: 'skip', reason: 'no_consent' };
  if (delivery.marketing && inQuietHours(now, settings.marketing.quietHours)) return { kind: 'defer', until: nextAllowedSendAt(now, settings.marketing.quietHours) };
  return { kind: 'send', stored, campaign, member, channels };
}

async function skipQueued(worker: Worker, delivery: CampaignDelivery, settlement: Settlement): Promise<Step> {
  return (await settleDelivery(delivery._id, 'queued', settlement, worker.now, worker.workerId)) ? 'skipped' : 'lost';
}

/** The delivery's final state and its copy in 消息中心, at once (the copy is idempotent by key; the settle job writes it too). */
async function settleWithCopy(worker: Worker, delivery: CampaignDelivery, campaign: Campaign, data: Record<string, string>, settlement: Settlement): Promise<void> {
  await Promise.all([settleDelivery(delivery._id, 'sending', settlement, worker.now), deliverCopyToInbox(delivery, campaign, data, worker.now)]);
}

/** What a send's outcome makes of the delivery (it is in `sending`, held by this worker). */
async function afterSend(worker: Worker, delivery: CampaignDelivery, campaign: Campaign, data: Record<string, string>, outcome: SendOutcome): Promise<Step> {
  const { now } = worker;
  const giveBackSlot = () => (delivery.marketing ? releaseMarketingSlot(delivery.memberId, delivery.key, now) : Promise.resolve());
  switch (outcome.kind) {
    case 'sent':
      await recordDeliverySent(delivery, campaign, worker.now);
      await settleWithCopy(worker, delivery, campaign, data, { state: 'sent', msgId: outcome.msgId });
      if (outcome.msgId) worker.receipts.push({ msgId: outcome.msgId, key: delivery.key });
      return 'sent';
    case 'no_quota': {
      await giveBackSlot();
      if (outcome.errcode === null) {
        const reserved = delivery.laterSteps > 0 && ((await SubscriptionQuotaModel.findById(quotaId(delivery.memberId, templateIdOf(worker.deps.config, campaign.message.template)), { remaining: 1 }).lean())?.remaining ?? 0) > 0;
        await settleWithCopy(worker, delivery, campaign, data, { state: 'skipped', skipReason: reserved ? 'quota_reserved' : 'no_quota', channel: 'inbox' });
        return 'skipped';
      }
      await settleWithCopy(worker, delivery, campaign, data, { state: 'failed', errcode: outcome.errcode });
      return 'failed';
    }
    case 'refused':
      await giveBackSlot();
      await settleWithCopy(worker, delivery, campaign, data, { state: 'failed', errcode: outcome.errcode });
      return 'failed';
    case 'retry':
      if (delivery.attempts + 1 >= MAX_ATTEMPTS) {
        await giveBackSlot();
        await settleWithCopy(worker, delivery, campaign, data, { state: 'failed', errcode: outcome.errcode });
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
      await leaveUnanswered(delivery._id, worker.now);
      return 'deferred';
  }
}

/**
 * The variant's coupon, granted before anything is sent: every delivery that passed the batch's checks reaches the
 * member by some channel (the subscription message, the SMS, or 消息中心 alone when there is no quota or the cap is
 * reached), so the coupon goes with all of them alike. Its last day becomes the message's {{expiryDate}} (the
 * points reminder keeps its own) and is written on the delivery, for the copy the settle job may write.
 */
async function grantBenefit(worker: Worker, delivery: CampaignDelivery, stored: Campaign): Promise<Partial<CampaignVariables>> {
  const coupon = await grantDeliveryBenefit(stored, delivery, worker.now);
  worker.faults.afterGrant?.(delivery);
  if (!coupon || delivery.variables?.expiryDate) return {};
  const expiryDate = lastValidDayText(coupon.validUntil);
  await CampaignDeliveryModel.updateOne({ _id: delivery._id, state: 'queued', leaseOwner: worker.workerId }, { $set: { 'variables.expiryDate': expiryDate } });
  return { expiryDate };
}

/** A delivery that passed the batch's checks: its benefit, the caps (skip), the global send rate (stop the round), then the send. */
async function sendDelivery(worker: Worker, delivery: CampaignDelivery, stored: Campaign, campaign: Campaign, member: MemberForSend, channels: Channels, stillToSend: number): Promise<Step> {
  const { deps, now, settings, workerId } = worker;
  const { subscriptionAllowed, smsPossible } = channels;
  const variables = { ...campaignVariables(member, campaign, now), ...delivery.variables, ...(await grantBenefit(worker, delivery, stored)) };
  const { data, problems } = renderMessage(campaign.message, variables);
  if (delivery.marketing && !(await takeMarketingSlot(member._id, delivery.key, now, settings.marketing))) {
    const skipped = await skipQueued(worker, delivery, { state: 'skipped', skipReason: 'cap', channel: 'inbox' });
    if (skipped === 'skipped') await deliverCopyToInbox(delivery, campaign, data, now);
    return skipped;
  }
  if (!(await worker.slots.take(stillToSend))) {
    await releaseLease(delivery, workerId);
    return 'rate_limited';
  }
  const templateId = templateIdOf(deps.config, campaign.message.template);
  const channel = subscriptionAllowed ? 'subscription' : 'sms';
  const marked = await CampaignDeliveryModel.updateOne(
    { _id: delivery._id, state: 'queued', leaseOwner: workerId },
    { $set: { state: 'sending', sendingAt: now, sentTo: member.openid, templateId, channel }, $inc: { attempts: 1 } },
  );
  if (marked.modifiedCount !== 1) return 'lost';
  const started: CampaignDelivery = { ...delivery, state: 'sending', sendingAt: now, sentTo: member.openid, templateId, channel, attempts: delivery.attempts + 1 };
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

/** The receipts of this round's sends are theirs (a receipt pushed later is matched by its MsgID in the settle job). */
async function claimReceipts(receipts: readonly { msgId: string; key: string }[]): Promise<void> {
  if (receipts.length === 0) return;
  await SendReceiptModel.bulkWrite(
    receipts.map(({ msgId, key }) => ({ updateOne: { filter: { _id: msgId, claimedBy: null }, update: { $set: { claimedBy: key } } } })),
    { ordered: false },
  );
}

async function loadWorker(deps: AppDeps, options: DispatchOptions, now: Date, claimed: readonly CampaignDelivery[]): Promise<Worker> {
  const { settings } = await deps.settings.at(now);
  const memberIds = claimed.map((delivery) => delivery.memberId);
  const campaignIds = [...new Set(claimed.map((delivery) => delivery.campaignId.toHexString()))];
  const [campaigns, members, consenting, smsConsenting] = await Promise.all([
    campaignIds.length > 0 ? CampaignModel.find({ _id: { $in: campaignIds } }).lean() : [],
    memberIds.length > 0 ? MemberModel.find({ _id: { $in: memberIds } }, { openid: 1, status: 1, nickname: 1, birthday: 1, phone: 1, lifecycle: 1 }).lean() : [],
    consentingMembers(memberIds, 'marketing_messages'),
    consentingMembers(memberIds, 'sms_marketing'),
  ]);
  return {
    deps,
    now,
    settings,
    workerId: options.workerId,
    faults: options.faults ?? {},
    campaigns: new Map(campaigns.map((campaign) => [campaign._id.toHexString(), campaign])),
    members: new Map(members.map((member) => [member._id.toHexString(), member])),
    consenting,
    smsConsenting,
    slots: new SendSlotHolder(now, deps.config.CAMPAIGN_SEND_RATE_PER_SECOND),
    receipts: [],
  };
}

/**
 * One dispatch round of one worker: claim a batch by lease; settle in bulk what the batch's own data decides (campaign
 * not running: back to the queue; ended, member gone, no consent: skipped; quiet hours: deferred); then for each
 * remaining delivery the caps (skip), the global send rate (stop the round) and the send through the quota ledger.
 * Any number of workers on any instances may run at once: every step is a conditional update.
 */
export async function dispatchDeliveries(deps: AppDeps, options: DispatchOptions): Promise<DispatchResult> {
  const now = deps.now();
  const claimed = await claimBatch(options.workerId, now, options.batchSize ?? 100, options.leaseMs ?? 5 * 60_000);
  options.faults?.afterClaim?.(claimed);
  const result: DispatchResult = { claimed: claimed.length, sent: 0, skipped: 0, failed: 0, deferred: 0, rateLimited: false };
  if (claimed.length === 0) return result;
  const worker = await loadWorker(deps, options, now, claimed);

  const toSend: { delivery: CampaignDelivery; stored: Campaign; campaign: Campaign; member: MemberForSend; channels: Channels }[] = [];
  const toSkip = new Map<SkipReason, CampaignDelivery[]>();
  const toDefer = new Map<number, CampaignDelivery[]>();
  for (const delivery of claimed) {
    const verdict = verdictOf(worker, delivery);
    if (verdict.kind === 'send') toSend.push({ delivery, stored: verdict.stored, campaign: verdict.campaign, member: verdict.member, channels: verdict.channels });
    else if (verdict.kind === 'skip') toSkip.set(verdict.reason, [...(toSkip.get(verdict.reason) ?? []), delivery]);
    else toDefer.set(verdict.until?.getTime() ?? 0, [...(toDefer.get(verdict.until?.getTime() ?? 0) ?? []), delivery]);
  }
  for (const [reason, deliveries] of toSkip) result.skipped += await skipAll(deliveries, reason, worker);
  for (const [until, deliveries] of toDefer) {
    await releaseLeases(deliveries, options.workerId, until > 0 ? new Date(until) : undefined);
    result.deferred += deliveries.length;
  }

  for (const [index, { delivery, stored, campaign, member, channels }] of toSend.entries()) {
    const step = await sendDelivery(worker, delivery, stored, campaign, member, channels, toSend.length - index);
    if (step === 'rate_limited') {
      result.rateLimited = true;
      await releaseLeases(
        toSend.slice(index + 1).map((rest) => rest.delivery),
        options.workerId,
      );
      break;
    }
    if (step === 'sent' || step === 'skipped' || step === 'failed' || step === 'deferred') result[step] += 1;
  }
  await Promise.all([worker.slots.giveBack(), claimReceipts(worker.receipts)]);
  return result;
}
