import { addDays, celebrationDate, daysBetween, isLeapYear, type Birthday } from '../members/birthday.rules.js';
import { tierNames, tierUpgradeBenefits } from '../tiers/tiers.rules.js';
import { businessDate, businessTimeOfDay, isoWeekday, startOfBusinessDay, type CalendarDate } from '../time/businessTime.js';

/**
 * A campaign's life: an operator drafts it, submits it (a push to more members than the settings' threshold waits
 * for a second operator), starts it, may pause and resume it, and stops it; the engine completes a one-off push
 * once every delivery is settled. Each move is one conditional update from the state it leaves.
 */
export const CAMPAIGN_STATES = ['draft', 'pending_approval', 'approved', 'running', 'paused', 'stopped', 'completed'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export const CAMPAIGN_ACTIONS = ['submit', 'approve', 'reject', 'start', 'pause', 'resume', 'stop', 'complete'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

const MOVES: Record<CampaignAction, Partial<Record<CampaignState, CampaignState>>> = {
  // submit's target is approved when no second operator is needed (submitTarget).
  submit: { draft: 'pending_approval' },
  approve: { pending_approval: 'approved' },
  reject: { pending_approval: 'draft' },
  start: { approved: 'running' },
  pause: { running: 'paused' },
  resume: { paused: 'running' },
  stop: { draft: 'stopped', pending_approval: 'stopped', approved: 'stopped', running: 'stopped', paused: 'stopped' },
  complete: { running: 'completed' },
};

/** The state an action moves a campaign to from `state`, or null when it may not. */
export function campaignTransition(state: CampaignState, action: CampaignAction): CampaignState | null {
  return MOVES[action][state] ?? null;
}

/** What an operator may do with a campaign in `state` (complete is the engine's). */
export function campaignActions(state: CampaignState): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((action) => action !== 'complete' && campaignTransition(state, action) !== null);
}

/** A submitted campaign waits for a second operator when it may reach more members than the threshold. */
export function submitTarget(audienceSize: number, approvalThreshold: number): 'pending_approval' | 'approved' {
  return audienceSize > approvalThreshold ? 'pending_approval' : 'approved';
}

/** Delivery states: queued → sending → sent | failed(errcode) | unknown; skipped(reason) from queued. */
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed', 'skipped', 'unknown'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** no_longer_eligible: the trigger's condition ended before the send (a purchase during the care programme's wait). */
export const SKIP_REASONS = ['holdout', 'no_consent', 'no_quota', 'quota_reserved', 'cap', 'member_gone', 'campaign_stopped', 'expired', 'no_longer_eligible'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

// ---- message variables ----

/**
 * expiringPoints / expiryDate: the points-expiry reminder's amount and last day, frozen on its delivery; tierName /
 * tierBenefit: the tier an upgrade reached and what it adds, frozen on the upgrade's delivery.
 */
export const CAMPAIGN_VARIABLES = ['nickname', 'daysToBirthday', 'birthdayDate', 'campaignName', 'expiringPoints', 'expiryDate', 'tierName', 'tierBenefit'] as const;
export type CampaignVariable = (typeof CAMPAIGN_VARIABLES)[number];
export type CampaignVariables = Record<CampaignVariable, string>;

/** `{{nickname}}的生日礼` with the member's values; unknown variables stay as written (the rules then flag them). */
export function renderCampaignFields(fields: Readonly<Record<string, string>>, variables: CampaignVariables): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      value.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => ((CAMPAIGN_VARIABLES as readonly string[]).includes(name) ? variables[name as CampaignVariable] : whole)),
    ]),
  );
}

/** The longest values the variables take, for the preview's check (a 10-character nickname, a 3-digit day count). */
export const PREVIEW_VARIABLES: CampaignVariables = {
  nickname: '蛋糕日会员小明小红小',
  daysToBirthday: '365',
  birthdayDate: '2026年12月31日',
  campaignName: '生日提醒',
  expiringPoints: '9999999',
  expiryDate: '2026年12月31日',
  tierName: tierNames.diamond,
  tierBenefit: tierUpgradeBenefits.diamond,
};

// ---- marketing rules ----

export interface QuietHours {
  /** HH:mm, Asia/Shanghai; start > end spans midnight (21:00–09:00). */
  start: string;
  end: string;
}

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Whether `instant` falls in the quiet hours (start inclusive, end exclusive). */
export function inQuietHours(instant: Date, quiet: QuietHours): boolean {
  const { hour, minute } = businessTimeOfDay(instant);
  const now = hour * 60 + minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The first instant a marketing message may go out at or after `instant`: itself, or the end of the quiet hours. */
export function nextAllowedSendAt(instant: Date, quiet: QuietHours): Date {
  if (!inQuietHours(instant, quiet)) return instant;
  const today = businessDate(instant);
  const endToday = new Date(startOfBusinessDay(today).getTime() + minutesOf(quiet.end) * 60_000);
  return endToday.getTime() > instant.getTime() ? endToday : new Date(startOfBusinessDay(addDays(today, 1)).getTime() + minutesOf(quiet.end) * 60_000);
}

/** The Asia/Shanghai week (Monday to Sunday) of an instant, as its Monday `yyyymmdd`: the key of weekly caps. */
export function businessWeekKey(instant: Date): string {
  const today = businessDate(instant);
  const monday = addDays(today, 1 - isoWeekday(today));
  return `${monday.year}${String(monday.month).padStart(2, '0')}${String(monday.day).padStart(2, '0')}`;
}

/** A deterministic slice of `permille`/1000 of the audience that is deliberately not sent (to measure lift). */
export function inHoldout(campaignId: string, memberId: string, permille: number): boolean {
  if (permille <= 0) return false;
  // FNV-1a: stable across runs and instances, no crypto needed in shared/.
  let hash = 0x811c9dc5;
  for (const char of `${campaignId}:${memberId}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 1000 < permille;
}

// ---- birthday triggers ----

export interface BirthdayStep {
  /** Days before the celebration (7, 3, 0). */
  daysBefore: number;
  /** `<celebration year>:T-<daysBefore>`: one delivery per member per step per celebration. */
  occurrence: string;
  /** The celebration (29 Feb birthdays: 28 Feb in common years). */
  celebration: CalendarDate;
  /** When the step is due: 10:00 Shanghai on its day. */
  dueAt: Date;
  /** Steps of the same celebration after this one (they keep the quota first). */
  laterSteps: number;
}

const SEND_HOUR_MINUTES = 10 * 60;

/**
 * The steps of a birthday campaign due for a member today: a step is due from its day until the next step's day, so
 * a day the engine missed is caught up, but a T-7 reminder never arrives with the T-0 greeting (nor after the day).
 */
export function dueBirthdaySteps(birthday: Birthday, now: Date, offsets: readonly number[]): BirthdayStep[] {
  const today = businessDate(now);
  const thisYear = celebrationDate(birthday, today.year);
  const celebration = daysBetween(today, thisYear) >= 0 ? thisYear : celebrationDate(birthday, today.year + 1);
  const daysLeft = daysBetween(today, celebration);
  const sorted = [...new Set(offsets)].sort((a, b) => b - a);
  return sorted
    .filter((daysBefore, index) => daysLeft <= daysBefore && daysLeft > (sorted[index + 1] ?? -1))
    .map((daysBefore) => ({
      daysBefore,
      occurrence: `${celebration.year}:T-${daysBefore}`,
      celebration,
      dueAt: new Date(startOfBusinessDay(addDays(celebration, -daysBefore)).getTime() + SEND_HOUR_MINUTES * 60_000),
      laterSteps: sorted.filter((other) => other < daysBefore).length,
    }));
}

/**
 * The stored (month, day) birthdays whose celebration falls within the next `days` days from `now` (today
 * included): the query of a birthday campaign's daily sweep. 29 Feb joins 28 Feb in common years.
 */
export function birthdaysCelebratedWithin(now: Date, days: number): { month: number; day: number }[] {
  const today = businessDate(now);
  const found: { month: number; day: number }[] = [];
  for (let offset = 0; offset <= days; offset += 1) {
    const date = addDays(today, offset);
    found.push({ month: date.month, day: date.day });
    if (date.month === 2 && date.day === 28 && !isLeapYear(date.year)) found.push({ month: 2, day: 29 });
  }
  return found;
}
