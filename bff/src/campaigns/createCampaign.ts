import type { OpsCampaignsCreateRequest } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, type AuditContext } from '../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import { CampaignModel, type Campaign, type OperatorRef } from './Campaign.model';
import { assertSegmentExists } from './campaignAudience';
import { assertMessagesFit } from './campaignMessage';
import { storedCampaignFields } from './storedCampaignFields';
import { assertVariantBenefits } from './campaignBenefit';

registerAuditSubject('Campaign', carriesAuditSeq((filter) => CampaignModel.countDocuments(filter)));

/** A new campaign, as a draft; its message must fit the template before it is saved. */
export async function createCampaign(input: OpsCampaignsCreateRequest, operator: OperatorRef, audit: AuditContext): Promise<Campaign> {
  const { reason, ...fields } = input;
  assertMessagesFit(fields);
  await assertSegmentExists(fields.audience.segment);
  await assertVariantBenefits(fields.variants);
  const id = new Types.ObjectId();
  const stored = storedCampaignFields(fields);
  return audited(audit, { action: 'ops.campaigns.create', subject: { type: 'Campaign', id: id.toHexString() }, after: stored, reason }, async (entry) => {
    const created = await CampaignModel.create({
      _id: id,
      ...stored,
      state: 'draft',
      version: 0,
      audienceSize: null,
      needsApproval: false,
      createdBy: operator,
      submittedBy: null,
      approvedBy: null,
      materialisation: { runKey: null, afterId: null, done: false },
      createdAt: audit.now,
      updatedAt: audit.now,
      auditSeqs: [entry._id],
    });
    return created.toObject();
  });
}
