import type { InsightsCounts } from './insightsRollups.rules.js';

const DAY_MS = 86_400_000;
/** Gaps longer than any range the dashboards read (366 days) are as good as none. */
const GAP_CAP_DAYS = 400;
const MONTHS_KEPT = 6;

/**
 * A member-month: the member's first paid order of a Shanghai calendar month (its base), whether that month was the
 * member's birthday month, and whether another paid order followed within the retention window.
 */
export interface BuyerMonth {
  month: string;
  baseDay: string;
  baseAt: Date;
  birthday: boolean;
  retained: boolean;
}

/** What the insights consumer remembers of a buyer: the days of their last two paid orders and their recent member-months. */
export interface BuyerState {
  lastDays: string[];
  months: BuyerMonth[];
}

export const emptyBuyerState = (): BuyerState => ({ lastDays: [], months: [] });

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Days from an earlier order's day to this one, `n` when there was none (or too long ago to matter). */
function gapTo(day: string, earlier: string | undefined): string {
  if (earlier === undefined) return 'n';
  const gap = Math.max(0, dayNumber(day) - dayNumber(earlier));
  return gap > GAP_CAP_DAYS ? 'n' : String(gap);
}

/**
 * The repurchase key of an order: `<g1>_<g2>` = days back to the member's previous order and to the one before it.
 * Summed per day, these answer "how many members bought at least once, at least twice in [from, to]" exactly for
 * any range without reading a member: see repurchaseCounts.
 */
export const repeatKeyOf = (day: string, lastDays: readonly string[]): string => `${gapTo(day, lastDays.at(-1))}_${gapTo(day, lastDays.at(-2))}`;

/**
 * Members with at least one and at least two paid orders in a range, from each day's repurchase keys (`offset` =
 * days since the range's first day). An order is its member's first in the range when the previous order was
 * before the range (g1 > offset), their second when the previous was in the range but the one before was not.
 */
export function repurchaseCounts(days: readonly { offset: number; repeat: Record<string, number> | undefined }[]): { buyers: number; repeatBuyers: number } {
  let buyers = 0;
  let repeatBuyers = 0;
  for (const { offset, repeat } of days) {
    for (const [key, count] of Object.entries(repeat ?? {})) {
      const [g1, g2] = key.split('_').map((gap) => (gap === 'n' ? Number.POSITIVE_INFINITY : Number(gap)));
      if (g1 === undefined || g2 === undefined || Number.isNaN(g1) || Number.isNaN(g2)) continue;
      if (g1 > offset) buyers += count;
      else if (g2 > offset) repeatBuyers += count;
    }
  }
  return { buyers, repeatBuyers };
}

const addCount = (counts: Record<string, InsightsCounts>, day: string, key: string, amount: number): void => {
  const dayCounts = (counts[day] ??= {});
  dayCounts[key] = (dayCounts[key] ?? 0) + amount;
};

/**
 * What one paid order of a member adds to the insights days, and the buyer's next state: the birthday-month GMV
 * (`gmv.birthdayFen`, on the order's day), the repurchase key (`repeat.<g1>_<g2>`), and birthday-month retention:
 * the month's first order opens a member-month (`retention.birthdayBase` / `otherBase` on its day); a later order
 * within `windowDays` of an open member-month's base marks it retained (`…Retained`, counted on the BASE's day, so a
 * day's rate reads "of the member-months that started that day"). Retention counts only members with a birthday on
 * file (`birthdayMonth` null = no birthday): the baseline is the same members' other months.
 */
export function buyerContributions(
  state: BuyerState,
  order: { day: string; at: Date; fen: number },
  birthdayMonth: boolean | null,
  windowDays: number,
): { counts: Record<string, InsightsCounts>; next: BuyerState } {
  const counts: Record<string, InsightsCounts> = {};
  if (birthdayMonth === true && order.fen > 0) addCount(counts, order.day, 'gmv.birthdayFen', order.fen);
  addCount(counts, order.day, `repeat.${repeatKeyOf(order.day, state.lastDays)}`, 1);
  let months = state.months;
  if (birthdayMonth !== null) {
    months = months.map((month) => {
      const since = order.at.getTime() - month.baseAt.getTime();
      if (month.retained || since < 0 || since > windowDays * DAY_MS) return month;
      addCount(counts, month.baseDay, `retention.${month.birthday ? 'birthday' : 'other'}Retained`, 1);
      return { ...month, retained: true };
    });
    const month = order.day.slice(0, 7);
    if (!months.some((known) => known.month === month)) {
      months = [...months, { month, baseDay: order.day, baseAt: order.at, birthday: birthdayMonth, retained: false }].slice(-MONTHS_KEPT);
      addCount(counts, order.day, `retention.${birthdayMonth ? 'birthday' : 'other'}Base`, 1);
    }
  }
  return { counts, next: { lastDays: [...state.lastDays, order.day].slice(-2), months } };
}
