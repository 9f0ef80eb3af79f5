import {
  addKpiInputs,
  emptyKpiInputs,
  KPI_NAMES,
  kpiMet,
  kpiSample,
  kpiTargetKeys,
  kpiValue,
  MEASURED_KPIS,
  repurchaseCounts,
  type InsightsSettings,
  type KpiInputs,
  type OpsInsightsKpisResponse,
  type ProgramSettings,
} from '@cakeday/shared';
import { Types } from 'mongoose';
import { businessDaysFrom } from '../analytics/businessDays';
import { CampaignModel } from '../campaigns/Campaign.model';
import { DailyRollupModel } from '../analytics/DailyRollup.model';
import { CampaignGmvDayModel, type CampaignGmvDay } from '../campaigns/results/CampaignGmvDay.model';
import { InsightsDayModel, type InsightsDay } from './InsightsDay.model';
import { campaignCostsOf, emptyCampaignCost, type CampaignCost } from './campaignCosts';

type Counts = Record<string, Record<string, number>> | undefined;
const sumOf = (group: Record<string, number> | undefined): number => Object.values(group ?? {}).reduce((sum, value) => sum + value, 0);
const DAY_MS = 86_400_000;
const INSIGHTS_FIELDS = ['nps', 'messagesSent', 'messagesFailed', 'messagesSkipped', 'gmv', 'claims', 'retention', 'repeat', 'campaignSms', 'campaignMessages', 'campaignCoupons', 'campaignCouponFen', 'campaignCouponsNoFace'];

/** A range's KPI inputs: each day's (every day present, oldest first), the range's total, and each campaign's GMV and cost. */
export interface KpiRangeInputs {
  days: { day: string; inputs: KpiInputs }[];
  total: KpiInputs;
  campaigns: Map<string, CampaignCost>;
}

function dayInputs(funnel: { reach?: number; claim?: number; use?: number } | undefined, counts: Counts, gmvDay: CampaignGmvDay | undefined, costs: Map<string, CampaignCost>): KpiInputs {
  const campaignCost = [...costs.values()].reduce((sum, cost) => ({ fen: sum.fen + cost.costFen, events: sum.events + cost.messages + cost.couponsUsed }), { fen: 0, events: 0 });
  const repeat = repurchaseCounts([{ offset: 0, repeat: counts?.repeat }]);
  return {
    birthdayReach: funnel?.reach ?? 0,
    birthdayClaim: funnel?.claim ?? 0,
    birthdayUse: funnel?.use ?? 0,
    promoters: counts?.nps?.promoter ?? 0,
    passives: counts?.nps?.passive ?? 0,
    detractors: counts?.nps?.detractor ?? 0,
    messagesSent: sumOf(counts?.messagesSent),
    messagesFailed: sumOf(counts?.messagesFailed),
    messagesSkipped: sumOf(counts?.messagesSkipped),
    gmvFen: counts?.gmv?.allFen ?? 0,
    orders: counts?.gmv?.orders ?? 0,
    birthdayGmvFen: counts?.gmv?.birthdayFen ?? 0,
    retentionBirthdayBase: counts?.retention?.birthdayBase ?? 0,
    retentionBirthdayRetained: counts?.retention?.birthdayRetained ?? 0,
    retentionOtherBase: counts?.retention?.otherBase ?? 0,
    retentionOtherRetained: counts?.retention?.otherRetained ?? 0,
    claimsStarted: counts?.claims?.started ?? 0,
    claimsCompleted: counts?.claims?.completed ?? 0,
    buyers: repeat.buyers,
    repeatBuyers: repeat.repeatBuyers,
    campaignGmvFen: sumOf(gmvDay?.gmvFen),
    campaignCostFen: campaignCost.fen,
    campaignCostEvents: campaignCost.events,
  };
}

/** Each day's KPI inputs from the daily rollups (at most 366 documents of each), and the range's: no event is read. */
export async function readKpiInputs(range: { from: string; to: string }, settings: InsightsSettings): Promise<KpiRangeInputs> {
  // The range's days by their keys (a keyed lookup on any database; a range on _id scans on the embedded one).
  const between = { _id: { $in: businessDaysFrom(range.from, range.to) } };
  const [rollups, insights, gmvDays] = await Promise.all([
    DailyRollupModel.find(between, { funnels: 1 }).lean(),
    InsightsDayModel.find(between, Object.fromEntries(INSIGHTS_FIELDS.map((field) => [`counts.${field}`, 1]))).lean<Pick<InsightsDay, '_id' | 'counts'>[]>(),
    CampaignGmvDayModel.find(between, { gmvFen: 1 }).lean<CampaignGmvDay[]>(),
  ]);
  const funnelByDay = new Map(rollups.map((rollup) => [rollup._id, rollup.funnels?.birthday]));
  const countsByDay = new Map<string, Counts>(insights.map((day) => [day._id, day.counts]));
  const gmvByDay = new Map(gmvDays.map((day) => [day._id, day]));
  const campaigns = new Map<string, CampaignCost>();
  const days = businessDaysFrom(range.from, range.to).map((day) => {
    const counts = countsByDay.get(day);
    const gmvDay = gmvByDay.get(day);
    const costs = campaignCostsOf(counts, gmvDay?.gmvFen, settings.costs);
    for (const [campaignId, cost] of costs) {
      const sum = campaigns.get(campaignId) ?? emptyCampaignCost();
      campaigns.set(campaignId, {
        gmvFen: sum.gmvFen + cost.gmvFen,
        messages: sum.messages + cost.messages,
        messageCostFen: sum.messageCostFen + cost.messageCostFen,
        couponsUsed: sum.couponsUsed + cost.couponsUsed,
        benefitCostFen: sum.benefitCostFen + cost.benefitCostFen,
        costFen: sum.costFen + cost.costFen,
      });
    }
    return { day, inputs: dayInputs(funnelByDay.get(day), counts, gmvDay, costs) };
  });
  // Buyers are members, not a sum of days: counted over the range from each day's repurchase keys.
  const repeat = repurchaseCounts(days.map(({ day }) => ({ offset: Math.round((Date.parse(day) - Date.parse(range.from)) / DAY_MS), repeat: countsByDay.get(day)?.repeat })));
  const total = { ...days.reduce((sum, day) => addKpiInputs(sum, day.inputs), emptyKpiInputs()), buyers: repeat.buyers, repeatBuyers: repeat.repeatBuyers };
  return { days, total, campaigns };
}

/** The plans' KPIs over a range, each with its daily values and its target from the settings in force, and each campaign's ROI. */
export async function readKpis(range: { from: string; to: string }, settings: ProgramSettings): Promise<OpsInsightsKpisResponse> {
  const { days, total, campaigns } = await readKpiInputs(range, settings.insights);
  const ids = [...campaigns.keys()].filter((id) => Types.ObjectId.isValid(id));
  const names = new Map((await CampaignModel.find({ _id: { $in: ids } }, { name: 1 }).lean()).map((campaign) => [campaign._id.toHexString(), campaign.name]));
  return {
    kpis: KPI_NAMES.map((kpi) => {
      const target = settings.insights.targets[kpiTargetKeys[kpi]];
      const value = kpiValue(kpi, total);
      return {
        kpi,
        measured: MEASURED_KPIS.has(kpi),
        value,
        target,
        met: kpiMet(value, target),
        sample: kpiSample(kpi, total),
        days: days.map((day) => ({ day: day.day, value: kpiValue(kpi, day.inputs) })),
      };
    }),
    basis: { retentionWindowDays: settings.insights.retention.windowDays, ...settings.insights.costs },
    campaigns: [...campaigns.entries()]
      .map(([campaignId, cost]) => ({ campaignId, name: names.get(campaignId) ?? '（已删除的活动）', ...cost, roiPermille: kpiValue('campaignRoi', { ...emptyKpiInputs(), campaignGmvFen: cost.gmvFen, campaignCostFen: cost.costFen }) }))
      .sort((a, b) => b.gmvFen - a.gmvFen || b.costFen - a.costFen || a.campaignId.localeCompare(b.campaignId)),
  };
}
