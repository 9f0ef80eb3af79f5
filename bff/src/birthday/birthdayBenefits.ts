import {
  birthdayBenefitsLockedText,
  birthdayMonthBoostPermille,
  birthdayMonthPointsDescription,
  birthdayMonthPointsTitle,
  celebrationUnlocked,
  daysBetween,
  describeBenefitWindow,
  daysUntilBirthday,
  firstUnlockedCelebration,
  formatCalendarDate,
  isBirthdayMonth,
  isCelebrationDay,
  nextCelebration,
  selectUnlockedBenefitWindow,
  tierNames,
  toBusinessIso,
  type BenefitItem,
  type BenefitPackageView,
  type Birthday,
  type BirthdayBenefitsResponse,
  type BirthdayUnlockRule,
  type CalendarDate,
  type EarnRate,
  type ProgramSettings,
  type TierLevel,
} from '@cakeday/shared';
import { Types } from 'mongoose';
import { hasConsent } from '../consents/consentState';
import { birthdayUnlockOf } from '../members/birthdayHistory';
import { loadMember } from '../members/loadMember';
import { BirthdayClaimModel, type BirthdayClaim } from './BirthdayClaim.model';
import { BirthdayPackageModel, type BirthdayPackage, type StoredBenefitItem } from './BirthdayPackage.model';
import { packageHasCoupons } from './packageHasCoupons';

const DAY_MS = 24 * 60 * 60 * 1000;
const STATE_ORDER: Record<BenefitPackageView['state'], number> = { claimable: 0, upcoming: 1, claimed: 2 };

export function packagesForTier(tier: TierLevel): Promise<BirthdayPackage[]> {
  return BirthdayPackageModel.find({ active: true, tiers: tier }).sort({ sortOrder: 1, code: 1 }).lean();
}

/** What a member's tier gets from the package: the points item speaks for the tier's earn rate, or is left out. */
function presentItem(item: StoredBenefitItem, rate: EarnRate): BenefitItem | null {
  if (item.kind === 'coupon') return { kind: item.kind, title: item.title, templateCode: item.templateCode, multiplierPermille: null, automatic: false };
  const title = birthdayMonthPointsTitle(rate);
  return title === null ? null : { kind: item.kind, title, templateCode: null, multiplierPermille: birthdayMonthBoostPermille(rate), automatic: true };
}

export interface PackageView {
  view: BenefitPackageView;
  /** The celebration whose window was passed over because the birthday was set too shortly before it. */
  locked: CalendarDate | null;
}

/**
 * One package as the member sees it, or null when nothing in it applies to their tier. A package of points items only
 * (生日月双倍积分) is described from the tier's earn rates in the settings: what the earn path pays, and nothing else.
 */
export function presentPackage(
  pkg: BirthdayPackage,
  birthday: Birthday,
  claims: BirthdayClaim[],
  now: Date,
  rules: { rate: EarnRate; unlock: BirthdayUnlockRule },
): PackageView | null {
  const items = pkg.items.map((item) => presentItem(item, rules.rate)).filter((item): item is BenefitItem => item !== null);
  if (items.length === 0) return null;
  const pointsOnly = pkg.items.every((item) => item.kind === 'points_multiplier');
  const selected = selectUnlockedBenefitWindow(pkg.window, birthday, now, rules.unlock);
  const { window } = selected;
  const claim = claims.find((candidate) => candidate.packageCode === pkg.code && candidate.celebrationYear === window.celebrationYear);
  const claimable = packageHasCoupons(pkg);
  const state = claim ? 'claimed' : selected.state === 'open' ? 'claimable' : 'upcoming';
  const description = pointsOnly ? birthdayMonthPointsDescription(rules.rate) : pkg.description;
  const view: BenefitPackageView = {
    code: pkg.code,
    title: pointsOnly ? (items[0]?.title ?? pkg.title) : pkg.title,
    description,
    items,
    opens: pkg.window.opens,
    windowText: claimable ? describeBenefitWindow(pkg.window) : description,
    state,
    celebrationYear: window.celebrationYear,
    firstDay: formatCalendarDate(window.firstDay),
    lastDay: formatCalendarDate(window.lastDay),
    opensAt: toBusinessIso(window.opensAt),
    closesAt: toBusinessIso(window.closesAt),
    daysUntilOpen: selected.state === 'open' ? 0 : Math.ceil((window.opensAt.getTime() - now.getTime()) / DAY_MS),
    claimedAt: claim ? toBusinessIso(claim.claimedAt) : null,
    claimable,
  };
  return { view, locked: selected.locked };
}

/** The notice shown above the packages while this birthday's benefits are locked, from the earliest locked celebration. */
function lockedNotice(birthday: Birthday, unlock: BirthdayUnlockRule, locked: CalendarDate[]): BirthdayBenefitsResponse['benefitsLocked'] {
  const earliest = locked.reduce<CalendarDate | null>((first, date) => (first === null || daysBetween(date, first) > 0 ? date : first), null);
  if (!earliest) return null;
  const startsOn = firstUnlockedCelebration(birthday, unlock, earliest.year);
  return {
    celebration: formatCalendarDate(earliest),
    startsOn: formatCalendarDate(startsOn),
    notice: birthdayBenefitsLockedText(earliest, startsOn, unlock.minDays),
  };
}

function unavailable(tier: TierLevel, reason: 'no_birthday' | 'consent_withdrawn'): BirthdayBenefitsResponse {
  return {
    available: false,
    unavailableReason: reason,
    birthday: null,
    nextBirthday: null,
    daysUntilBirthday: null,
    isBirthdayToday: false,
    isBirthdayMonth: false,
    tier: { level: tier, name: tierNames[tier] },
    benefitsLocked: null,
    greeting: null,
    packages: [],
    claimableCount: 0,
  };
}

/**
 * The home page's birthday card: countdown, what can be claimed now, what opens later; stops without consent. Read by
 * the program settings in force: the tier's earn rates (the points item) and minDaysSetBeforeBenefits.
 */
export async function birthdayBenefits(memberId: string, context: { now: Date; settings: ProgramSettings }): Promise<BirthdayBenefitsResponse> {
  const { now, settings } = context;
  const member = await loadMember(memberId);
  const tier = member.tier.level;
  if (!member.birthday) return unavailable(tier, 'no_birthday');
  if (!(await hasConsent(memberId, 'birthday'))) return unavailable(tier, 'consent_withdrawn');
  const birthday: Birthday = { month: member.birthday.month, day: member.birthday.day };
  const [packages, claims] = await Promise.all([
    packagesForTier(tier),
    BirthdayClaimModel.find({ memberId: new Types.ObjectId(memberId) }).lean(),
  ]);
  const rules = { rate: settings.points.earn[tier], unlock: birthdayUnlockOf(member, settings) };
  const presented = packages.map((pkg) => presentPackage(pkg, birthday, claims, now, rules)).filter((pkg): pkg is PackageView => pkg !== null);
  const views = presented.map((pkg) => pkg.view).sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.opensAt.localeCompare(b.opensAt));
  const next = nextCelebration(birthday, now);
  const locked = [
    ...presented.flatMap((pkg) => (pkg.locked ? [pkg.locked] : [])),
    ...(celebrationUnlocked(next, rules.unlock) ? [] : [next]),
  ];
  const today = isCelebrationDay(birthday, now);
  return {
    available: true,
    unavailableReason: null,
    birthday: { month: birthday.month, day: birthday.day },
    nextBirthday: formatCalendarDate(next),
    daysUntilBirthday: daysUntilBirthday(birthday, now),
    isBirthdayToday: today,
    isBirthdayMonth: isBirthdayMonth(birthday, now),
    tier: { level: tier, name: tierNames[tier] },
    benefitsLocked: lockedNotice(birthday, rules.unlock, locked),
    greeting: today
      ? { title: '生日快乐！', message: `${member.nickname ?? '亲爱的会员'}，愿你的每一天都像蛋糕一样甜。Cakeday 为你准备了生日礼，记得领取哦。` }
      : null,
    packages: views,
    claimableCount: views.filter((view) => view.state === 'claimable' && view.claimable).length,
  };
}
