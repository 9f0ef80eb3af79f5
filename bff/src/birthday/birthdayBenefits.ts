import {
  describeBenefitWindow,
  daysUntilBirthday,
  formatCalendarDate,
  isBirthdayMonth,
  isCelebrationDay,
  nextCelebration,
  selectBenefitWindow,
  tierNames,
  toBusinessIso,
  type BenefitPackageView,
  type Birthday,
  type BirthdayBenefitsResponse,
  type TierLevel,
} from '@cakeday/shared';
import { Types } from 'mongoose';
import { hasConsent } from '../consents/consentState';
import { loadMember } from '../members/loadMember';
import { BirthdayClaimModel, type BirthdayClaim } from './BirthdayClaim.model';
import { BirthdayPackageModel, type BirthdayPackage } from './BirthdayPackage.model';
import { packageHasCoupons } from './packageHasCoupons';

const DAY_MS = 24 * 60 * 60 * 1000;
const STATE_ORDER: Record<BenefitPackageView['state'], number> = { claimable: 0, upcoming: 1, claimed: 2 };

export function packagesForTier(tier: TierLevel): Promise<BirthdayPackage[]> {
  return BirthdayPackageModel.find({ active: true, tiers: tier }).sort({ sortOrder: 1, code: 1 }).lean();
}

export function presentPackage(pkg: BirthdayPackage, birthday: Birthday, claims: BirthdayClaim[], now: Date): BenefitPackageView {
  const selected = selectBenefitWindow(pkg.window, birthday, now);
  const { window } = selected;
  const claim = claims.find((candidate) => candidate.packageCode === pkg.code && candidate.celebrationYear === window.celebrationYear);
  const claimable = packageHasCoupons(pkg);
  const state = claim ? 'claimed' : selected.state === 'open' ? 'claimable' : 'upcoming';
  return {
    code: pkg.code,
    title: pkg.title,
    description: pkg.description,
    items: pkg.items.map((item) => ({
      kind: item.kind,
      title: item.title,
      templateCode: item.templateCode,
      multiplierPermille: item.multiplierPermille,
      automatic: item.kind !== 'coupon',
    })),
    opens: pkg.window.opens,
    windowText: claimable ? describeBenefitWindow(pkg.window) : pkg.description,
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
    greeting: null,
    packages: [],
    claimableCount: 0,
  };
}

/** The home page's birthday card: countdown, what can be claimed now, what opens later; stops without consent. */
export async function birthdayBenefits(memberId: string, now: Date): Promise<BirthdayBenefitsResponse> {
  const member = await loadMember(memberId);
  const tier = member.tier.level;
  if (!member.birthday) return unavailable(tier, 'no_birthday');
  if (!(await hasConsent(memberId, 'birthday'))) return unavailable(tier, 'consent_withdrawn');
  const birthday: Birthday = { month: member.birthday.month, day: member.birthday.day };
  const [packages, claims] = await Promise.all([
    packagesForTier(tier),
    BirthdayClaimModel.find({ memberId: new Types.ObjectId(memberId) }).lean(),
  ]);
  const views = packages
    .map((pkg) => presentPackage(pkg, birthday, claims, now))
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.opensAt.localeCompare(b.opensAt));
  const today = isCelebrationDay(birthday, now);
  return {
    available: true,
    unavailableReason: null,
    birthday: { month: birthday.month, day: birthday.day },
    nextBirthday: formatCalendarDate(nextCelebration(birthday, now)),
    daysUntilBirthday: daysUntilBirthday(birthday, now),
    isBirthdayToday: today,
    isBirthdayMonth: isBirthdayMonth(birthday, now),
    tier: { level: tier, name: tierNames[tier] },
    greeting: today
      ? { title: '生日快乐！', message: `${member.nickname ?? '亲爱的会员'}，愿你的每一天都像蛋糕一样甜。Cakeday 为你准备了生日礼，记得领取哦。` }
      : null,
    packages: views,
    claimableCount: views.filter((view) => view.state === 'claimable' && view.claimable).length,
  };
}
