import type { InsightsSettings } from '../settings/settings.defaults.js';

/** The KPIs both plans name, in the order the dashboard shows them. */
export const KPI_NAMES = [
  'birthdayParticipation',
  'birthdayGmvShare',
  'birthdayRetentionLift',
  'nps',
  'messageReach',
  'birthdayBenefitCompletion',
  'repurchase',
  'benefitRedemption',
  'campaignRoi',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

export const kpiNames: Record<KpiName, string> = {
  birthdayParticipation: '生日礼参与率',
  birthdayGmvShare: '生日 GMV 占比',
  birthdayRetentionLift: '生日月留存提升',
  nps: 'NPS',
  messageReach: '消息触达率',
  birthdayBenefitCompletion: '生日权益完成率',
  repurchase: '复购率',
  benefitRedemption: '权益核销率',
  campaignRoi: '活动 ROI',
};

/** How a KPI's value and target read: per mille shares, NPS points (−100…100), percentage points. */
export type KpiUnit = 'permille' | 'nps' | 'points';
export const kpiUnits: Record<KpiName, KpiUnit> = {
  birthdayParticipation: 'permille',
  birthdayGmvShare: 'permille',
  birthdayRetentionLift: 'points',
  nps: 'nps',
  messageReach: 'permille',
  birthdayBenefitCompletion: 'permille',
  repurchase: 'permille',
  benefitRedemption: 'permille',
  campaignRoi: 'permille',
};

/** The setting (program settings → insights.targets) each KPI is held to; every target is a floor. */
export const kpiTargetKeys: Record<KpiName, keyof InsightsSettings['targets']> = {
  birthdayParticipation: 'birthdayParticipationPermille',
  birthdayGmvShare: 'birthdayGmvSharePermille',
  birthdayRetentionLift: 'birthdayRetentionLiftPoints',
  nps: 'nps',
  messageReach: 'messageReachPermille',
  birthdayBenefitCompletion: 'birthdayBenefitCompletionPermille',
  repurchase: 'repurchasePermille',
  benefitRedemption: 'benefitRedemptionPermille',
  campaignRoi: 'campaignRoiPermille',
};

/**
 * What the daily rollups hold that the KPIs are computed from, for one day or summed over a range: the birthday
 * funnel's members per step (analytics_daily), NPS answers by class, message outcomes, paid GMV, birthday-month
 * retention, benefit claims and buyers (insights_daily), campaigns' attributed GMV (campaign_gmv_daily) and their
 * costs priced with the settings (insights.costs).
 */
export interface KpiInputs {
  birthdayReach: number;
  birthdayClaim: number;
  birthdayUse: number;
  promoters: number;
  passives: number;
  detractors: number;
  messagesSent: number;
  messagesFailed: number;
  messagesSkipped: number;
  /** Paid GMV (fen) and orders; of them, those of members in their birthday month. */
  gmvFen: number;
  orders: number;
  birthdayGmvFen: number;
  /** Member-months (a member's first paid order of a month) and of them those followed by another order within the window. */
  retentionBirthdayBase: number;
  retentionBirthdayRetained: number;
  retentionOtherBase: number;
  retentionOtherRetained: number;
  /** Birthday benefit claims started, and claimed whole (every coupon issued). */
  claimsStarted: number;
  claimsCompleted: number;
  /** Members with at least one paid order in the period, and with at least two (not a sum of days: see repurchaseCounts). */
  buyers: number;
  repeatBuyers: number;
  /** Campaigns' attributed GMV and what they cost (messages sent, coupons used), in fen; costEvents = messages + coupons. */
  campaignGmvFen: number;
  campaignCostFen: number;
  campaignCostEvents: number;
}

export const emptyKpiInputs = (): KpiInputs => ({
  birthdayReach: 0,
  birthdayClaim: 0,
  birthdayUse: 0,
  promoters: 0,
  passives: 0,
  detractors: 0,
  messagesSent: 0,
  messagesFailed: 0,
  messagesSkipped: 0,
  gmvFen: 0,
  orders: 0,
  birthdayGmvFen: 0,
  retentionBirthdayBase: 0,
  retentionBirthdayRetained: 0,
  retentionOtherBase: 0,
  retentionOtherRetained: 0,
  claimsStarted: 0,
  claimsCompleted: 0,
  buyers: 0,
  repeatBuyers: 0,
  campaignGmvFen: 0,
  campaignCostFen: 0,
  campaignCostEvents: 0,
});

export const addKpiInputs = (a: KpiInputs, b: KpiInputs): KpiInputs =>
  Object.fromEntries(Object.entries(a).map(([name, value]) => [name, value + b[name as keyof KpiInputs]])) as unknown as KpiInputs;

/** Every KPI the plans name is measured from the daily rollups. */
export const MEASURED_KPIS: ReadonlySet<KpiName> = new Set<KpiName>(KPI_NAMES);

const permille = (part: number, whole: number): number | null => (whole > 0 ? Math.floor((part * 1000) / whole) : null);

/** Percentage points to one decimal by which a's rate beats b's; null unless both were measured. */
function liftPoints(aPart: number, aWhole: number, bPart: number, bWhole: number): number | null {
  if (aWhole === 0 || bWhole === 0) return null;
  return Math.round(((aPart * bWhole - bPart * aWhole) * 1000) / (aWhole * bWhole)) / 10;
}

/** A campaign's ROI in thousandths: (attributed GMV − cost) / cost; null when it cost nothing. */
export const roiPermille = (gmvFen: number, costFen: number): number | null => (costFen > 0 ? Math.floor(((gmvFen - costFen) * 1000) / costFen) : null);

/**
 * A KPI's value from its inputs, null when nothing was measured (no denominator): participation = birthday members
 * who claimed of those the birthday message reached; redemption = of those who claimed, who used it; reach = sent of
 * the messages meant for members (sent, failed, skipped); NPS to one decimal; GMV share = paid GMV of members in
 * their birthday month of all paid GMV; retention lift = the birthday-month member-months' retention minus the other
 * months' (same members: members with a birthday on file), in points; completion = claims issued whole of claims
 * started (at most 100%: a claim started before a range may complete in it); repurchase = buyers with two orders or
 * more of buyers; ROI = campaigns' (attributed GMV − cost) / cost.
 */
export function kpiValue(name: KpiName, inputs: KpiInputs): number | null {
  switch (name) {
    case 'birthdayParticipation':
      return permille(inputs.birthdayClaim, inputs.birthdayReach);
    case 'benefitRedemption':
      return permille(inputs.birthdayUse, inputs.birthdayClaim);
    case 'messageReach':
      return permille(inputs.messagesSent, inputs.messagesSent + inputs.messagesFailed + inputs.messagesSkipped);
    case 'nps': {
      const responses = inputs.promoters + inputs.passives + inputs.detractors;
      return responses === 0 ? null : Math.round(((inputs.promoters - inputs.detractors) * 1000) / responses) / 10;
    }
    case 'birthdayGmvShare':
      return permille(inputs.birthdayGmvFen, inputs.gmvFen);
    case 'birthdayRetentionLift':
      return liftPoints(inputs.retentionBirthdayRetained, inputs.retentionBirthdayBase, inputs.retentionOtherRetained, inputs.retentionOtherBase);
    case 'birthdayBenefitCompletion':
      return permille(Math.min(inputs.claimsCompleted, inputs.claimsStarted), inputs.claimsStarted);
    case 'repurchase':
      return permille(inputs.repeatBuyers, inputs.buyers);
    case 'campaignRoi':
      return roiPermille(inputs.campaignGmvFen, inputs.campaignCostFen);
  }
}

/** How many answers (or members, orders, claims) stand behind a KPI's value: alerts wait for a minimum sample. */
export function kpiSample(name: KpiName, inputs: KpiInputs): number {
  switch (name) {
    case 'birthdayParticipation':
      return inputs.birthdayReach;
    case 'benefitRedemption':
      return inputs.birthdayClaim;
    case 'messageReach':
      return inputs.messagesSent + inputs.messagesFailed + inputs.messagesSkipped;
    case 'nps':
      return inputs.promoters + inputs.passives + inputs.detractors;
    case 'birthdayGmvShare':
      return inputs.orders;
    case 'birthdayRetentionLift':
      // The smaller cohort: a lift means little when either side is tiny.
      return Math.min(inputs.retentionBirthdayBase, inputs.retentionOtherBase);
    case 'birthdayBenefitCompletion':
      return inputs.claimsStarted;
    case 'repurchase':
      return inputs.buyers;
    case 'campaignRoi':
      return inputs.campaignCostEvents;
  }
}

/** Whether a value meets its target (every target is a floor); null when unmeasured. */
export const kpiMet = (value: number | null, target: number): boolean | null => (value === null ? null : value >= target);

/** A KPI value as operators read it: `25.0%`, `NPS 45.0`, `+5.0 个百分点`; `—` when unmeasured. */
export function formatKpi(name: KpiName, value: number | null): string {
  if (value === null) return '—';
  switch (kpiUnits[name]) {
    case 'permille':
      return `${(value / 10).toFixed(1)}%`;
    case 'nps':
      return value.toFixed(1);
    case 'points':
      return `${value >= 0 ? '+' : ''}${value.toFixed(1)} 个百分点`;
  }
}
