import type { CampaignAllocation } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { conflict, notFound, unprocessable } from '../errors/AppError';
import { CampaignModel, type Campaign } from './Campaign.model';

/**
 * Switches how new members are split among the variants: by the fixed weights, or by the Thompson-sampling bandit
 * (at least two variants). Members already assigned keep their variant; a finished campaign cannot change.
 */
export async function allocateCampaign(input: { id: string; allocation: CampaignAllocation; reason?: string }, audit: AuditContext): Promise<Campaign> {
  const current = await CampaignModel.findById(new Types.ObjectId(input.id)).lean();
  if (!current) throw notFound();
  if (current.state === 'stopped' || current.state === 'completed') throw conflict('CAMPAIGN_STATE_CONFLICT');
  if (input.allocation === 'bandit' && (current.variants ?? []).length < 2) throw unprocessable('CAMPAIGN_VARIANTS_REQUIRED');
  const before = current.allocation ?? 'split';
  return audited(audit, { action: 'ops.campaigns.allocate', subject: { type: 'Campaign', id: input.id }, before: { allocation: before }, after: { allocation: input.allocation }, reason: input.reason }, async (entry) => {
    const updated = await CampaignModel.findOneAndUpdate(
      { _id: current._id, state: { $nin: ['stopped', 'completed'] } },
      { $set: { allocation: input.allocation, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!updated) throw conflict('CAMPAIGN_STATE_CONFLICT');
    return updated;
  });
}
