import type { OpsCampaignsUpdateRequest } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { conflict, notFound } from '../errors/AppError';
import { CampaignModel, type Campaign } from './Campaign.model';
import { assertSegmentExists } from './campaignAudience';
import { assertMessagesFit } from './campaignMessage';
import { variantsOf } from './campaignVariant';
import { storedCampaignFields } from './storedCampaignFields';
import { assertVariantBenefits } from './campaignBenefit';

/** Edits a draft, based on the version the operator loaded (409 STALE_VERSION otherwise). */
export async function updateCampaign(input: OpsCampaignsUpdateRequest, audit: AuditContext): Promise<Campaign> {
  const { id, version, ...fields } = input;
  const current = await CampaignModel.findById(new Types.ObjectId(id)).lean();
  if (!current) throw notFound();
  if (current.state !== 'draft') throw conflict('CAMPAIGN_STATE_CONFLICT');
  if (current.version !== version) throw conflict('STALE_VERSION');
  assertMessagesFit(fields);
  await assertSegmentExists(fields.audience.segment);
  await assertVariantBenefits(fields.variants);
  const stored = storedCampaignFields(fields);
  const before = storedCampaignFields({ ...current, variants: variantsOf(current), allocation: current.allocation ?? 'split', audience: { ...current.audience, segment: current.audience.segment ?? null }, trigger: current.trigger.kind === 'push' ? { kind: 'push', sendAt: current.trigger.sendAt.toISOString() } : current.trigger, endsAt: current.endsAt.toISOString() });
  return audited(audit, { action: 'ops.campaigns.update', subject: { type: 'Campaign', id }, before, after: stored }, async (entry) => {
    const updated = await CampaignModel.findOneAndUpdate(
      { _id: current._id, state: 'draft', version },
      // The legacy campaign-level coupon is on the variants the operator edited: it must not come back on read.
      { $set: { ...stored, updatedAt: audit.now }, $unset: { benefit: 1 }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (updated) return updated;
    const now = await CampaignModel.findById(current._id, { state: 1 }).lean();
    throw conflict(now?.state === 'draft' ? 'STALE_VERSION' : 'CAMPAIGN_STATE_CONFLICT');
  });
}
