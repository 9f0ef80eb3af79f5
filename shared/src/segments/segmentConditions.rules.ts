import type { LifecycleStage, RfmScores } from '../analytics/segments.rules.js';
import type { ConsentPurpose } from '../consents/consents.texts.js';
import type { TierLevel } from '../tiers/tiers.rules.js';

/**
 * The birthday plan's RFM levels on its 10-point scale: 黄金 8–10, 白银 4–7, 青铜 1–3. The 10-point score is the
 * member's R + F + M (each 0–5, settings `segments.rfm`) scaled from 15 to 10 and rounded; 0 (never bought) has no level.
 */
export const RFM_LEVELS = ['gold', 'silver', 'bronze'] as const;
export type RfmLevel = (typeof RFM_LEVELS)[number];
export const rfmLevelNames: Record<RfmLevel, string> = { gold: '黄金', silver: '白银', bronze: '青铜' };
/** The definition as ops read it where segments are built (the console's segment form). */
export const RFM_LEVEL_DEFINITION =
  '10 分制 RFM 分 =（R + F + M）× 10 ÷ 15，四舍五入；R（最近一次消费）、F（365 天内消费次数）、M（365 天内消费金额）各 0–5 分，分档见设置「segments.rfm」。黄金 ≥ 8 分，白银 4–7 分，青铜 1–3 分；0 分（无消费）不属于任何等级。';

export function rfmPoints10(rfm: Pick<RfmScores, 'r' | 'f' | 'm'> | null): number {
  if (!rfm) return 0;
  return Math.round(((rfm.r + rfm.f + rfm.m) * 10) / 15);
}

export function rfmLevelOf(rfm: Pick<RfmScores, 'r' | 'f' | 'm'> | null): RfmLevel | null {
  const points = rfmPoints10(rfm);
  if (points >= 8) return 'gold';
  if (points >= 4) return 'silver';
  if (points >= 1) return 'bronze';
  return null;
}

export interface ScoreRange {
  min: number;
  max: number;
}

/** What ops pick a segment by; every given condition must hold (an empty list or null means any). */
export interface SegmentConditions {
  stages: LifecycleStage[];
  rfmLevels: RfmLevel[];
  r: ScoreRange | null;
  f: ScoreRange | null;
  m: ScoreRange | null;
  tiers: TierLevel[];
  birthdayMonths: number[];
  /** Purposes the member has granted (and not withdrawn). */
  consents: ConsentPurpose[];
  /** Last activity (an own action or a purchase) within this many days … */
  activeWithinDays: number | null;
  /** … or none for at least this many. */
  inactiveForDays: number | null;
}

/** What a segment is evaluated on: the member's stats as the segment job last computed them, and the member. */
export interface SegmentFacts {
  stage: LifecycleStage | null;
  rfm: Pick<RfmScores, 'r' | 'f' | 'm'> | null;
  tier: TierLevel;
  birthdayMonth: number | null;
  consents: ReadonlySet<ConsentPurpose>;
  /** Whole business days since the last activity; null when analytics has no stats for the member yet. */
  idleDays: number | null;
}

const inRange = (value: number, range: ScoreRange | null): boolean => range === null || (value >= range.min && value <= range.max);

export function matchesSegment(conditions: SegmentConditions, facts: SegmentFacts): boolean {
  if (conditions.stages.length > 0 && (facts.stage === null || !conditions.stages.includes(facts.stage))) return false;
  if (conditions.rfmLevels.length > 0) {
    const level = rfmLevelOf(facts.rfm);
    if (level === null || !conditions.rfmLevels.includes(level)) return false;
  }
  if (!inRange(facts.rfm?.r ?? 0, conditions.r) || !inRange(facts.rfm?.f ?? 0, conditions.f) || !inRange(facts.rfm?.m ?? 0, conditions.m)) return false;
  if (conditions.tiers.length > 0 && !conditions.tiers.includes(facts.tier)) return false;
  if (conditions.birthdayMonths.length > 0 && (facts.birthdayMonth === null || !conditions.birthdayMonths.includes(facts.birthdayMonth))) return false;
  if (conditions.consents.some((purpose) => !facts.consents.has(purpose))) return false;
  if (conditions.activeWithinDays !== null && (facts.idleDays === null || facts.idleDays >= conditions.activeWithinDays)) return false;
  if (conditions.inactiveForDays !== null && (facts.idleDays === null || facts.idleDays < conditions.inactiveForDays)) return false;
  return true;
}

/** Whether evaluating the conditions needs analytics' member stats (stage, scores, activity). */
export const needsMemberStats = (conditions: SegmentConditions): boolean =>
  conditions.stages.length > 0 || conditions.rfmLevels.length > 0 || conditions.r !== null || conditions.f !== null || conditions.m !== null || conditions.activeWithinDays !== null || conditions.inactiveForDays !== null;

export const EMPTY_SEGMENT_CONDITIONS: SegmentConditions = {
  stages: [],
  rfmLevels: [],
  r: null,
  f: null,
  m: null,
  tiers: [],
  birthdayMonths: [],
  consents: [],
  activeWithinDays: null,
  inactiveForDays: null,
};

/** The built-in segments: the birthday plan's RFM levels. Their ids are not ObjectIds, so they never clash. */
export const BUILT_IN_SEGMENTS: readonly { id: string; name: string; conditions: SegmentConditions }[] = RFM_LEVELS.map((level) => ({
  id: `builtin-rfm-${level}`,
  name: `RFM ${rfmLevelNames[level]}`,
  conditions: { ...EMPTY_SEGMENT_CONDITIONS, rfmLevels: [level] },
}));

export const builtInSegment = (id: string) => BUILT_IN_SEGMENTS.find((segment) => segment.id === id) ?? null;
