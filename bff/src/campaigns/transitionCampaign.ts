import { campaignTransition, submitTarget, type CampaignAction, type CampaignState } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, auditSeqPush } from '../audit/audited';
import { conflict, forbidden, notFound } from '../errors/AppError';
import { CampaignModel, type Campaign } from './Campaign.model';
import { countAudience } from './campaignAudience';
import { assertMessagesFit } from './campaignMessage';
import type { CampaignOpsContext } from './campaignOpsContext';
import { CampaignDeliveryModel } from './CampaignDelivery.model';

export type OperatorCampaignAction = Exclude<CampaignAction, 'complete'>;

/**
 * An operator's move of a campaign: checked against the state machine, then one audited conditional update from
 * the state it leaves (of two operators at once, one wins; the other gets CAMPAIGN_STATE_CONFLICT). Submitting
 * counts the audience: more members than the settings' threshold waits for a second operator's approval.
 */
export async function transitionCampaign(id: string, action: OperatorCampaignAction, context: CampaignOpsContext, reason?: string): Promise<Campaign> {
  const campaign = await CampaignModel.findById(new Types.ObjectId(id)).lean();
  if (!campaign) throw notFound();
  let target: CampaignState | null = campaignTransition(campaign.state, action);
  if (!target) throw conflict('CAMPAIGN_STATE_CONFLICT');
  const set: Partial<Campaign> = { updatedAt: context.now };
  if (action === 'submit') {
    assertMessagesFit(campaign);
    const audienceSize = await countAudience(campaign, context.now);
    target = submitTarget(audienceSize, context.settings.marketing.pushApprovalThreshold);
    Object.assign(set, { audienceSize, needsApproval: target === 'pending_approval', submittedBy: context.operator, approvedBy: null });
  }
  if (action === 'approve' || action === 'reject') {
    if (campaign.submittedBy?.id === context.operator.id) throw forbidden('CAMPAIGN_SELF_APPROVAL');
    if (action === 'approve') set.approvedBy = context.operator;
  }
  set.state = target;
  const updated = await audited(
    context.audit,
    { action: `ops.campaigns.${action}`, subject: { type: 'Campaign', id }, before: { state: campaign.state }, after: { state: target, audienceSize: set.audienceSize ?? campaign.audienceSize }, reason },
    async (entry) => {
      const moved = await CampaignModel.findOneAndUpdate({ _id: campaign._id, state: campaign.state }, { $set: set, $inc: { version: 1 }, $push: auditSeqPush(entry._id) }, { returnDocument: 'after' }).lean();
      if (!moved) throw conflict('CAMPAIGN_STATE_CONFLICT');
      return moved;
    },
  );
  if (updated.state === 'stopped') await skipQueuedDeliveries(updated._id, context.now);
  return updated;
}

/** A stopped campaign sends nothing more; repeated by the engine's sweep if a crash interrupted it. */
export async function skipQueuedDeliveries(campaignId: Types.ObjectId, now: Date): Promise<void> {
  await CampaignDeliveryModel.updateMany({ campaignId, state: 'queued' }, { $set: { state: 'skipped', skipReason: 'campaign_stopped', settledAt: now, leaseOwner: null, leaseUntil: null, eventPending: true } });
}
