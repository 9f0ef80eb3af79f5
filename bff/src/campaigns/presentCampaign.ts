import { campaignActions, toBusinessIso, type Campaign as CampaignView } from '@cakeday/shared';
import type { Campaign } from './Campaign.model';
import { variantsOf } from './campaignVariant';

export function presentCampaign(campaign: Campaign): CampaignView {
  const trigger = campaign.trigger.kind === 'push' ? { kind: 'push' as const, sendAt: toBusinessIso(campaign.trigger.sendAt) } : campaign.trigger;
  return {
    id: campaign._id.toHexString(),
    name: campaign.name,
    trigger,
    audience: { tiers: campaign.audience.tiers, birthdayMonths: campaign.audience.birthdayMonths, segment: campaign.audience.segment ?? null },
    message: campaign.message,
    holdoutPermille: campaign.holdoutPermille,
    variants: variantsOf(campaign),
    allocation: campaign.allocation ?? 'split',
    endsAt: toBusinessIso(campaign.endsAt),
    state: campaign.state,
    actions: campaignActions(campaign.state),
    version: campaign.version,
    audienceSize: campaign.audienceSize,
    needsApproval: campaign.needsApproval,
    createdBy: campaign.createdBy,
    submittedBy: campaign.submittedBy,
    approvedBy: campaign.approvedBy,
    createdAt: toBusinessIso(campaign.createdAt),
    updatedAt: toBusinessIso(campaign.updatedAt),
  };
}
