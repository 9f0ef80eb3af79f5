import {
  banditArmsOf,
  CAMPAIGN_FUNNEL_STEPS,
  conversionLift,
  DEFAULT_VARIANT,
  HOLDOUT_VARIANT,
  sampleRatioMismatch,
  seededRandom,
  thompsonShares,
  type CampaignVariantResult,
  type OpsCampaignsResultsResponse,
} from '@cakeday/shared';
import { Types } from 'mongoose';
import { notFound } from '../../errors/AppError';
import { CampaignModel, type Campaign } from '../Campaign.model';
import { CampaignResultModel, type CampaignResult } from './CampaignResult.model';

const lift = (control: { members: number; conversions: number }, treatment: { members: number; conversions: number }) =>
  control.members > 0 && treatment.members > 0 ? conversionLift(control, treatment) : null;

/** The variants a campaign designs, in order (a campaign without variants has one: `main`). */
export function designedVariants(campaign: Pick<Campaign, 'variants'>): { key: string; name: string; weight: number }[] {
  const variants = campaign.variants ?? [];
  return variants.length > 0 ? variants.map(({ key, name, weight }) => ({ key, name, weight })) : [{ key: DEFAULT_VARIANT, name: '全部', weight: 1 }];
}

/** The bandit's current split of new members (per mille), estimated from its own draws with a fixed seed; null for a fixed split. */
function banditShares(campaign: Campaign, results: readonly CampaignResult[]): Record<string, number> | null {
  const designed = designedVariants(campaign);
  if (campaign.allocation !== 'bandit' || designed.length < 2) return null;
  const arms = banditArmsOf(results);
  const evidence = designed.map((variant) => arms.find((arm) => arm.key === variant.key) ?? { key: variant.key, conversions: 0, misses: 0 });
  return thompsonShares(evidence, seededRandom(campaign._id.toHexString()), 2000);
}

const funnelPermille = (part: number, whole: number): number | null => (whole > 0 ? Math.floor((part * 1000) / whole) : null);

/**
 * A campaign's results as the consumer rolled them up (a few documents, never the events): the funnel over the
 * members reached, attributed GMV, lift against the holdout with its confidence interval, and each variant's
 * conversion against the first variant with the split's sample-ratio check.
 */
export async function readCampaignResults(id: string, attributionDays: number): Promise<OpsCampaignsResultsResponse> {
  const campaign = await CampaignModel.findById(new Types.ObjectId(id)).lean();
  if (!campaign) throw notFound();
  const results = await CampaignResultModel.find({ campaignId: campaign._id }).lean();
  const byVariant = new Map(results.map((result) => [result.variant, result]));
  const designed = designedVariants(campaign);
  // Variants no longer designed (an edited draft) still count: they reached members.
  const keys = [...designed.map((variant) => variant.key), ...results.map((result) => result.variant).filter((key) => key !== HOLDOUT_VARIANT && !designed.some((variant) => variant.key === key))];
  const shares = banditShares(campaign, results);
  const reachedOf = (key: string) => byVariant.get(key)?.reached ?? 0;
  const convertedOf = (key: string) => byVariant.get(key)?.converted ?? 0;
  const [controlKey] = keys;
  const variants: CampaignVariantResult[] = keys.map((key) => {
    const result = byVariant.get(key);
    const control = { members: reachedOf(controlKey ?? key), conversions: convertedOf(controlKey ?? key) };
    return {
      key,
      name: designed.find((variant) => variant.key === key)?.name ?? key,
      reached: result?.reached ?? 0,
      delivered: result?.delivered ?? 0,
      opened: result?.opened ?? 0,
      claimed: result?.claimed ?? 0,
      used: result?.used ?? 0,
      conversions: result?.converted ?? 0,
      gmvFen: result?.gmvFen ?? 0,
      vsControl: key === controlKey ? null : lift(control, { members: reachedOf(key), conversions: convertedOf(key) }),
      banditSharePermille: shares ? (shares[key] ?? 0) : null,
    };
  });
  const treated = results.filter((result) => result.variant !== HOLDOUT_VARIANT);
  const sum = (field: keyof CampaignResult) => treated.reduce((total, result) => total + Number(result[field] ?? 0), 0);
  const counts = CAMPAIGN_FUNNEL_STEPS.map((step) => sum(step));
  const holdout = { members: byVariant.get(HOLDOUT_VARIANT)?.assigned ?? 0, conversions: convertedOf(HOLDOUT_VARIANT) };
  const treatment = { members: sum('reached'), conversions: sum('converted') };
  const fixedSplit = designed.length > 1 && shares === null;
  const observed = designed.map((variant) => reachedOf(variant.key));
  return {
    attributionDays,
    funnel: CAMPAIGN_FUNNEL_STEPS.map((step, index) => ({
      step,
      members: counts[index] ?? 0,
      fromPreviousPermille: index === 0 ? null : funnelPermille(counts[index] ?? 0, counts[index - 1] ?? 0),
      fromFirstPermille: index === 0 ? null : funnelPermille(counts[index] ?? 0, counts[0] ?? 0),
    })),
    attributedOrders: sum('attributedOrders'),
    gmvFen: sum('gmvFen'),
    treatment,
    holdout,
    lift: lift(holdout, treatment),
    variants,
    srm: fixedSplit && observed.some((members) => members > 0) ? sampleRatioMismatch(observed, designed.map((variant) => variant.weight)) : null,
  };
}
