import type { AnalyticsEvent } from './rollups.rules.js';
import { businessDate } from '../time/businessTime.js';

/** The birthday programme's funnel: reached by its message → opened it (or the birthday page) → claimed → used. */
export const FUNNELS = { birthday: ['reach', 'open', 'claim', 'use'] } as const;
export type FunnelName = keyof typeof FUNNELS;
export type FunnelStep = (typeof FUNNELS)[FunnelName][number];

export const funnelStepNames: Record<FunnelStep, string> = { reach: '触达', open: '打开', claim: '领取', use: '使用' };

/**
 * Where an event puts its member in a funnel, and in which round of it (the birthday funnel runs once a year: a
 * member counts once per step per year, on the day they first reach that step).
 */
export function funnelStepOf(event: AnalyticsEvent): { funnel: FunnelName; round: string; step: FunnelStep } | null {
  if (!event.memberId) return null;
  const round = String(businessDate(event.at).year);
  const birthday = (step: FunnelStep) => ({ funnel: 'birthday' as const, round, step });
  switch (event.type) {
    case 'message.sent':
      return event.props.purpose === 'birthday' ? birthday('reach') : null;
    case 'message.opened':
      return event.props.purpose === 'birthday' ? birthday('open') : null;
    case 'page.viewed':
      return event.subject?.id.startsWith('pages/birthday/') ? birthday('open') : null;
    case 'benefit.claimed':
      return birthday('claim');
    case 'coupon.used':
      return event.props.source === 'birthday' ? birthday('use') : null;
    default:
      return null;
  }
}

export interface FunnelStepResult {
  step: FunnelStep;
  members: number;
  /** Share of the previous step's members (the first step: null), in per mille, rounded down. */
  fromPreviousPermille: number | null;
  /** Share of the first step's members, in per mille. */
  fromFirstPermille: number | null;
}

const permille = (part: number, whole: number): number | null => (whole > 0 ? Math.floor((part * 1000) / whole) : null);

/** Conversion between the steps from the members counted at each. */
export function funnelConversion(funnel: FunnelName, counts: Partial<Record<FunnelStep, number>>): FunnelStepResult[] {
  const members = FUNNELS[funnel].map((step) => counts[step] ?? 0);
  const first = members[0] ?? 0;
  return FUNNELS[funnel].map((step, index) => {
    const here = members[index] ?? 0;
    return {
      step,
      members: here,
      fromPreviousPermille: index === 0 ? null : permille(here, members[index - 1] ?? 0),
      fromFirstPermille: index === 0 ? null : permille(here, first),
    };
  });
}
