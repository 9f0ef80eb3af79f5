import { upgradedVariants } from '@cakeday/shared';
import { CampaignModel } from './Campaign.model';

/**
 * Moves the campaign-level coupon of campaigns stored before the benefit lived on the variants onto their variants
 * (upgradedVariants: the default variant, or every variant without its own coupon) and removes the old field. Each
 * document by a conditional update on the field it read, so a run repeated, run twice at once or racing an edit
 * (which removes the field itself) changes nothing twice. Reads never depend on it: campaignVariant.ts upgrades too.
 */
export async function migrateCampaignBenefits(): Promise<string> {
  const legacy = await CampaignModel.find({ 'benefit.couponTemplateCode': { $exists: true } }, { variants: 1, benefit: 1 }).lean();
  let moved = 0;
  for (const campaign of legacy) {
    const code = campaign.benefit?.couponTemplateCode;
    const variants = upgradedVariants(campaign.benefit, campaign.variants ?? []);
    if (!code || !variants) continue;
    const result = await CampaignModel.updateOne({ _id: campaign._id, 'benefit.couponTemplateCode': code }, { $set: { variants }, $unset: { benefit: 1 } });
    moved += result.modifiedCount;
  }
  const cleared = await CampaignModel.updateMany({ benefit: { $exists: true, $eq: null } }, { $unset: { benefit: 1 } });
  return `${moved} campaign benefits moved onto their variants, ${cleared.modifiedCount} empty ones removed`;
}
