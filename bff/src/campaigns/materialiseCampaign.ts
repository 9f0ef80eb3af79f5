import { businessDayKey, dueBirthdaySteps, HOLDOUT_VARIANT, SUBSCRIPTION_TEMPLATES, type BanditArm } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { isOnlyDuplicateKeyErrors } from '../db/duplicateKey';
import { MemberModel, type Member } from '../members/Member.model';
import { CampaignModel, type Campaign } from './Campaign.model';
import { banditArms, campaignForVariant, storedVariant, variantFor } from './campaignVariant';
import { audienceSegmentOf, dueAudienceFilter, inAudienceSegment } from './campaignAudience';
import { CampaignDeliveryModel, deliveryKey, type CampaignDelivery } from './CampaignDelivery.model';
import { recordAssignments } from './results/recordCampaignEvents';
import { accountsExpiringWithin, lifecycleMemberFilter, passDueToday, scheduledLifecycleSteps, type DueStep } from './lifecycleSteps';
import type { PointsAccount } from '../points/PointsAccount.model';

export interface MaterialiseFaults {
  /** After a batch's deliveries are inserted, before the cursor moves: a crash here repeats the batch. */
  afterInsert?: () => void;
}

export type DeliveryDraft = Omit<CampaignDelivery, '_id'>;

const DAY_MS = 86_400_000;

type PassMember = Pick<Member, '_id' | 'birthday' | 'tier' | 'lifecycle'>;

function stepsFor(campaign: Campaign, member: PassMember, account: Pick<PointsAccount, 'lots'> | undefined, now: Date): DueStep[] {
  if (campaign.trigger.kind === 'push') return [{ occurrence: 'once', dueAt: campaign.trigger.sendAt, laterSteps: 0 }];
  if (campaign.trigger.kind === 'birthday') return member.birthday ? dueBirthdaySteps(member.birthday, now, campaign.trigger.daysBefore) : [];
  return scheduledLifecycleSteps(campaign, member, account, now);
}

/** A variant's send day: that many days after the campaign's send time or step. */
const delayOf = (stored: Campaign, variant: string | null): number => (storedVariant(stored, variant)?.sendDelayDays ?? 0) * DAY_MS;

/** The outbox consumer's delivery of a step: the member's variant (or the holdout, skipped at once) as in a pass. */
export function lifecycleDraft(stored: Campaign, memberId: Types.ObjectId, step: DueStep, arms: readonly BanditArm[], now: Date): DeliveryDraft {
  const variant = variantFor(stored, memberId.toHexString(), arms);
  return draftOf(campaignForVariant(stored, variant), memberId, step, variant, delayOf(stored, variant), now);
}

function draftOf(campaign: Campaign, memberId: Types.ObjectId, step: DueStep, variant: string | null, delayMs: number, now: Date): DeliveryDraft {
  const heldOut = variant === HOLDOUT_VARIANT;
  return {
    key: deliveryKey(campaign._id, memberId, step.occurrence),
    campaignId: campaign._id,
    memberId,
    occurrence: step.occurrence,
    laterSteps: step.laterSteps,
    marketing: SUBSCRIPTION_TEMPLATES[campaign.message.template].marketing,
    state: heldOut ? 'skipped' : 'queued',
    nextAttemptAt: new Date(step.dueAt.getTime() + delayMs),
    leaseOwner: null,
    leaseUntil: null,
    attempts: 0,
    sendingAt: null,
    sentTo: null,
    templateId: null,
    msgId: null,
    errcode: null,
    skipReason: heldOut ? 'holdout' : null,
    settledAt: heldOut ? now : null,
    openedAt: null,
    variant,
    ...(heldOut ? { eventPending: true } : {}),
    ...(step.variables ? { variables: step.variables } : {}),
    createdAt: now,
  };
}

function draftsFor(stored: Campaign, member: PassMember, account: Pick<PointsAccount, 'lots'> | undefined, now: Date, arms: readonly BanditArm[]): DeliveryDraft[] {
  const variant = variantFor(stored, member._id.toHexString(), arms);
  const campaign = campaignForVariant(stored, variant);
  return stepsFor(campaign, member, account, now).map((step) => draftOf(campaign, member._id, step, variant, delayOf(stored, variant), now));
}

/**
 * Inserts what is new; deliveries already there (a repeated batch, another instance) are left as they are. No
 * benefit is granted here: the variant's coupon goes with the message, when the dispatcher sends it.
 */
export async function insertIgnoringDuplicates(drafts: DeliveryDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  try {
    await CampaignDeliveryModel.insertMany(drafts, { ordered: false });
  } catch (error) {
    if (!isOnlyDuplicateKeyErrors(error)) throw error;
  }
}

/**
 * One batch of a running campaign's audience becomes deliveries (bulk, unordered, duplicates ignored), then the
 * cursor moves past it by a conditional update. A push passes over its audience once; a birthday campaign once a
 * Shanghai day, over the members whose celebration is near. 'more' while the pass is unfinished.
 */
export async function materialiseBatch(campaignId: Types.ObjectId, now: Date, batchSize: number, faults: MaterialiseFaults = {}): Promise<'more' | 'done'> {
  let campaign = await CampaignModel.findById(campaignId).lean();
  if (!campaign || campaign.state !== 'running' || now.getTime() > campaign.endsAt.getTime() || !passDueToday(campaign.trigger, now)) return 'done';
  const runKey = campaign.trigger.kind === 'push' ? 'once' : businessDayKey(now);
  if (campaign.materialisation.runKey !== runKey) {
    await CampaignModel.updateOne(
      { _id: campaign._id, 'materialisation.runKey': campaign.materialisation.runKey },
      { $set: { materialisation: { runKey, afterId: null, done: false } } },
    );
    campaign = await CampaignModel.findById(campaignId).lean();
    if (!campaign || campaign.materialisation.runKey !== runKey) return 'more';
  }
  if (campaign.materialisation.done) return 'done';
  const afterId = campaign.materialisation.afterId;
  const current = campaign;
  const { members, accounts, last, exhausted } = await passBatch(current, now, afterId, batchSize);
  const audience = await inAudienceSegment(await audienceSegmentOf(campaign), members, now);
  const arms = await banditArms(campaign);
  const drafts = audience.flatMap((member) => draftsFor(current, member, accounts.get(member._id.toHexString()), now, arms));
  await insertIgnoringDuplicates(drafts);
  await recordAssignments(campaign, [...new Set(drafts.map((draft) => draft.memberId))], now);
  faults.afterInsert?.();
  const done = exhausted;
  await CampaignModel.updateOne(
    { _id: campaign._id, 'materialisation.runKey': runKey, 'materialisation.afterId': afterId },
    { $set: { 'materialisation.afterId': last ?? afterId, 'materialisation.done': done } },
  );
  return done ? 'done' : 'more';
}

const PASS_FIELDS = { _id: 1, birthday: 1, tier: 1, lifecycle: 1 } as const;

/**
 * The pass's next batch after the cursor: members of the audience filter (the care programme: those whose silence
 * reaches its days), or for the points-expiry reminder the accounts with points expiring in its window, then their
 * members. `last` is where the cursor goes; `exhausted` when the pass has read everything.
 */
async function passBatch(campaign: Campaign, now: Date, afterId: Types.ObjectId | null, batchSize: number): Promise<{ members: PassMember[]; accounts: Map<string, Pick<PointsAccount, '_id' | 'lots'>>; last: Types.ObjectId | null; exhausted: boolean }> {
  const filter = dueAudienceFilter(campaign, now);
  if (campaign.trigger.kind === 'pointsExpiring') {
    const found = await accountsExpiringWithin(campaign.trigger.withinDays, now, afterId, batchSize);
    const members = found.length > 0 ? await MemberModel.find({ $and: [filter, { _id: { $in: found.map((account) => account._id) } }] }, PASS_FIELDS).sort({ _id: 1 }).lean() : [];
    return { members, accounts: new Map(found.map((account) => [account._id.toHexString(), account])), last: found.at(-1)?._id ?? null, exhausted: found.length < batchSize };
  }
  const lifecycle = lifecycleMemberFilter(campaign.trigger, now);
  const scoped = lifecycle ? { $and: [filter, lifecycle] } : filter;
  const members = await MemberModel.find(afterId ? { $and: [scoped, { _id: { $gt: afterId } }] } : scoped, PASS_FIELDS).sort({ _id: 1 }).limit(batchSize).lean();
  return { members, accounts: new Map(), last: members.at(-1)?._id ?? null, exhausted: members.length < batchSize };
}

/** Runs passes to the end (a job, a test); bounded so one run cannot loop forever. */
export async function materialiseCampaign(campaignId: Types.ObjectId, now: Date, batchSize = 500, faults: MaterialiseFaults = {}): Promise<void> {
  for (let batch = 0; batch < 10_000; batch += 1) {
    if ((await materialiseBatch(campaignId, now, batchSize, faults)) === 'done') return;
  }
}
