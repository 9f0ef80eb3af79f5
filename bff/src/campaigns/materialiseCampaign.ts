import { businessDayKey, dueBirthdaySteps, HOLDOUT_VARIANT, SUBSCRIPTION_TEMPLATES, type BanditArm } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { MemberModel, type Member } from '../members/Member.model';
import { CampaignModel, type Campaign } from './Campaign.model';
import { banditArms, campaignForVariant, storedVariant, variantFor } from './campaignVariant';
import { audienceSegmentOf, dueAudienceFilter, inAudienceSegment } from './campaignAudience';
import { CampaignDeliveryModel, deliveryKey, type CampaignDelivery } from './CampaignDelivery.model';
import { recordAssignments } from './results/recordCampaignEvents';
import { grantVariantBenefits } from './variantBenefits';

export interface MaterialiseFaults {
  /** After a batch's deliveries are inserted, before the cursor moves: a crash here repeats the batch. */
  afterInsert?: () => void;
  /** After the variants' benefits are granted, before the cursor moves: a crash here repeats the batch too. */
  afterGrant?: () => void;
}

type DeliveryDraft = Omit<CampaignDelivery, '_id'>;

const DAY_MS = 86_400_000;

function draftsFor(stored: Campaign, member: Pick<Member, '_id' | 'birthday'>, now: Date, arms: readonly BanditArm[]): DeliveryDraft[] {
  const variant = variantFor(stored, member._id.toHexString(), arms);
  const heldOut = variant === HOLDOUT_VARIANT;
  const campaign = campaignForVariant(stored, variant);
  // A variant's send day: that many days after the campaign's send time or birthday step.
  const delayMs = (storedVariant(stored, variant)?.sendDelayDays ?? 0) * DAY_MS;
  const marketing = SUBSCRIPTION_TEMPLATES[campaign.message.template].marketing;
  const steps =
    campaign.trigger.kind === 'push'
      ? [{ occurrence: 'once', dueAt: campaign.trigger.sendAt, laterSteps: 0 }]
      : member.birthday
        ? dueBirthdaySteps(member.birthday, now, campaign.trigger.daysBefore)
        : [];
  return steps.map((step) => ({
    key: deliveryKey(campaign._id, member._id, step.occurrence),
    campaignId: campaign._id,
    memberId: member._id,
    occurrence: step.occurrence,
    laterSteps: step.laterSteps,
    marketing,
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
    createdAt: now,
  }));
}

/** Inserts what is new; deliveries already there (a repeated batch, another instance) are left as they are. */
async function insertIgnoringDuplicates(drafts: DeliveryDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  try {
    await CampaignDeliveryModel.insertMany(drafts, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
    const onlyDuplicates = Array.isArray(writeErrors) ? writeErrors.every((writeError) => isDuplicateKeyError(writeError) || isDuplicateKeyError((writeError as { err?: unknown }).err)) : isDuplicateKeyError(error);
    if (!onlyDuplicates) throw error;
  }
}

/**
 * One batch of a running campaign's audience becomes deliveries (bulk, unordered, duplicates ignored), then the
 * cursor moves past it by a conditional update. A push passes over its audience once; a birthday campaign once a
 * Shanghai day, over the members whose celebration is near. 'more' while the pass is unfinished.
 */
export async function materialiseBatch(campaignId: Types.ObjectId, now: Date, batchSize: number, faults: MaterialiseFaults = {}): Promise<'more' | 'done'> {
  let campaign = await CampaignModel.findById(campaignId).lean();
  if (!campaign || campaign.state !== 'running' || now.getTime() > campaign.endsAt.getTime()) return 'done';
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
  const filter = dueAudienceFilter(campaign, now);
  const members = await MemberModel.find(afterId ? { $and: [filter, { _id: { $gt: afterId } }] } : filter, { _id: 1, birthday: 1, tier: 1 })
    .sort({ _id: 1 })
    .limit(batchSize)
    .lean();
  const current = campaign;
  const audience = await inAudienceSegment(await audienceSegmentOf(campaign), members, now);
  const arms = await banditArms(campaign);
  const drafts = audience.flatMap((member) => draftsFor(current, member, now, arms));
  await insertIgnoringDuplicates(drafts);
  await recordAssignments(campaign, [...new Set(drafts.map((draft) => draft.memberId))], now);
  faults.afterInsert?.();
  await grantVariantBenefits(campaign, drafts, now);
  faults.afterGrant?.();
  const last = members.at(-1);
  const done = members.length < batchSize;
  await CampaignModel.updateOne(
    { _id: campaign._id, 'materialisation.runKey': runKey, 'materialisation.afterId': afterId },
    { $set: { 'materialisation.afterId': last?._id ?? afterId, 'materialisation.done': done } },
  );
  return done ? 'done' : 'more';
}

/** Runs passes to the end (a job, a test); bounded so one run cannot loop forever. */
export async function materialiseCampaign(campaignId: Types.ObjectId, now: Date, batchSize = 500, faults: MaterialiseFaults = {}): Promise<void> {
  for (let batch = 0; batch < 10_000; batch += 1) {
    if ((await materialiseBatch(campaignId, now, batchSize, faults)) === 'done') return;
  }
}
