import { addDays, celebrationDate, daysBetween, type Birthday } from '../members/birthday.rules.js';
import { businessDate, startOfBusinessDay, type CalendarDate } from '../time/businessTime.js';
import type { TierLevel } from '../tiers/tiers.rules.js';

/** A campaign can be started from 14 days before the birthday until 7 days after it, and ends then. */
export const HELP_OPENS_DAYS_BEFORE = 14;
export const HELP_CLOSES_DAYS_AFTER = 7;
/** One friend may help at most this many campaigns per Asia/Shanghai day. */
export const HELP_DAILY_ASSIST_LIMIT = 3;
/** getuserriskrank at or above this is refused. */
export const HELP_RISK_RANK_REFUSED = 3;

/** Friends needed per tier: the program settings' `help.goals`. */
export type HelpGoals = Record<TierLevel, number>;

export interface HelpWindow {
  celebrationYear: number;
  celebration: CalendarDate;
  firstDay: CalendarDate;
  lastDay: CalendarDate;
  opensAt: Date;
  /** Exclusive: 00:00 Asia/Shanghai after the last day; campaigns expire then. */
  closesAt: Date;
}

export function helpWindowFor(birthday: Birthday, celebrationYear: number): HelpWindow {
  const celebration = celebrationDate(birthday, celebrationYear);
  const firstDay = addDays(celebration, -HELP_OPENS_DAYS_BEFORE);
  const lastDay = addDays(celebration, HELP_CLOSES_DAYS_AFTER);
  return {
    celebrationYear,
    celebration,
    firstDay,
    lastDay,
    opensAt: startOfBusinessDay(firstDay),
    closesAt: startOfBusinessDay(addDays(lastDay, 1)),
  };
}

/** The window open today, else the next one (windows near New Year belong to the neighbouring year's birthday). */
export function selectHelpWindow(birthday: Birthday, now: Date): { open: boolean; window: HelpWindow } {
  const today = businessDate(now);
  const candidates = [today.year - 1, today.year, today.year + 1].map((year) => helpWindowFor(birthday, year));
  const open = candidates.find((window) => daysBetween(window.firstDay, today) >= 0 && daysBetween(today, window.lastDay) >= 0);
  if (open) return { open: true, window: open };
  const next = candidates.find((window) => daysBetween(today, window.firstDay) > 0);
  return { open: false, window: next ?? candidates[candidates.length - 1]! };
}

export function helpGoalFor(tier: TierLevel, goals: HelpGoals): number {
  return Math.max(1, Math.floor(goals[tier]));
}

/** The full rules, disclosed before anyone helps (WeChat forbids random outcomes and forced sharing). */
export function helpRulesText(goal: number, giftTitle: string): string[] {
  return [
    `集满${goal}位好友助力即可解锁「${giftTitle}」，人数固定，无抽奖、无随机。`,
    `生日前${HELP_OPENS_DAYS_BEFORE}天至生日后${HELP_CLOSES_DAYS_AFTER}天内可发起，每个生日发起一次，活动到期自动结束。`,
    '每位好友对同一活动只能助力一次，不能为自己助力。',
    `每位好友每天最多为${HELP_DAILY_ASSIST_LIMIT}个活动助力；存在安全风险的账号无法助力。`,
    '助力不需要分享给更多人，也不会获得额外奖励。',
  ];
}
