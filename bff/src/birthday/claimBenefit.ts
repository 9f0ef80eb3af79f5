import {
  benefitCouponsValidUntil,
  birthdayBenefitsLockedText,
  firstUnlockedCelebration,
  selectUnlockedBenefitWindow,
  toBusinessIso,
  type BenefitWindow,
  type Birthday,
  type BirthdayClaimResponse,
  type ProgramSettings,
} from '@cakeday/shared';
import { Types } from 'mongoose';
import { hasConsent } from '../consents/consentState';
import { issueCoupon } from '../coupons/issueCoupon';
import type { Coupon } from '../coupons/Coupon.model';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict, forbidden, notFound } from '../errors/AppError';
import { eventKey, recordEvent } from '../events/recordEvent';
import { birthdayUnlockOf } from '../members/birthdayHistory';
import { loadMember } from '../members/loadMember';
import { MemberModel } from '../members/Member.model';
import { BirthdayClaimModel, type BirthdayClaim } from './BirthdayClaim.model';
import { BirthdayPackageModel, type BirthdayPackage } from './BirthdayPackage.model';
import { birthdayBenefits } from './birthdayBenefits';
import { packageHasCoupons } from './packageHasCoupons';

/** A claim still `issuing` after this long was interrupted; a later tap completes it (issuing is idempotent). */
const STALE_CLAIM_MS = 2 * 60 * 1000;

async function issuePackageCoupons(memberId: string, pkg: BirthdayPackage, window: BenefitWindow, now: Date): Promise<Coupon[]> {
  const coupons: Coupon[] = [];
  // A benefit named for the birthday month is used within it, whatever the template's own validity.
  const validUntilAtMost = benefitCouponsValidUntil(pkg.window, window) ?? undefined;
  for (const item of pkg.items) {
    if (item.kind !== 'coupon' || !item.templateCode) continue;
    coupons.push(
      await issueCoupon(
        { memberId, templateCode: item.templateCode, source: 'birthday', sourceKey: `${memberId}:${pkg.code}:${window.celebrationYear}`, validUntilAtMost },
        now,
      ),
    );
  }
  return coupons;
}

async function openClaim(memberId: string, pkg: BirthdayPackage, celebrationYear: number, now: Date): Promise<BirthdayClaim> {
  try {
    const created = await BirthdayClaimModel.create({
      memberId: new Types.ObjectId(memberId),
      packageCode: pkg.code,
      celebrationYear,
      state: 'issuing',
      couponIds: [],
      claimedAt: now,
      completedAt: null,
    });
    return created.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const existing = await BirthdayClaimModel.findOne({ memberId: new Types.ObjectId(memberId), packageCode: pkg.code, celebrationYear }).lean();
  if (!existing || existing.state === 'issued' || now.getTime() - existing.claimedAt.getTime() < STALE_CLAIM_MS) {
    throw conflict('BIRTHDAY_BENEFIT_ALREADY_CLAIMED');
  }
  // Take over the interrupted claim; only one taker wins the conditional update.
  const taken = await BirthdayClaimModel.findOneAndUpdate(
    { _id: existing._id, state: 'issuing', claimedAt: existing.claimedAt },
    { $set: { claimedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  if (!taken) throw conflict('BIRTHDAY_BENEFIT_ALREADY_CLAIMED');
  return taken;
}

/**
 * Issues the package's coupons exactly once per member, package and celebration year, even under concurrent taps.
 * A birthday set fewer than the settings' minDaysSetBeforeBenefits days before this celebration claims nothing (409
 * BIRTHDAY_SET_TOO_RECENTLY, saying from which birthday benefits start).
 */
export async function claimBenefit(memberId: string, packageCode: string, context: { now: Date; settings: ProgramSettings }): Promise<BirthdayClaimResponse> {
  const { now } = context;
  const member = await loadMember(memberId);
  if (!member.birthday) throw conflict('BIRTHDAY_NOT_SET');
  if (!(await hasConsent(memberId, 'birthday'))) throw forbidden('CONSENT_REQUIRED');
  const pkg = await BirthdayPackageModel.findOne({ code: packageCode, active: true }).lean();
  if (!pkg || !packageHasCoupons(pkg)) throw notFound();
  if (!pkg.tiers.includes(member.tier.level)) throw forbidden('BIRTHDAY_BENEFIT_NOT_FOR_TIER');
  const birthday: Birthday = { month: member.birthday.month, day: member.birthday.day };
  const unlock = birthdayUnlockOf(member, context.settings);
  const selected = selectUnlockedBenefitWindow(pkg.window, birthday, now, unlock);
  if (selected.locked) {
    const startsOn = firstUnlockedCelebration(birthday, unlock, selected.locked.year);
    throw conflict('BIRTHDAY_SET_TOO_RECENTLY', birthdayBenefitsLockedText(selected.locked, startsOn, unlock.minDays));
  }
  if (selected.state !== 'open') throw conflict('BIRTHDAY_BENEFIT_NOT_OPEN');
  const { celebrationYear } = selected.window;

  const claim = await openClaim(memberId, pkg, celebrationYear, now);
  // Each keyed by member, package and year (the claim document's id does not matter to the key).
  const recordClaimEvent = (type: 'benefit.claimStarted' | 'benefit.claimed', props: Record<string, unknown>) =>
    recordEvent(
      { type, key: eventKey(type, memberId, pkg.code, String(celebrationYear)), at: claim.claimedAt, memberId, subject: { type: 'birthday_claim', id: claim._id.toHexString() }, props: { packageCode: pkg.code, celebrationYear, ...props } },
      now,
    );
  // Once per member, package and year (a taken-over claim records nothing new): the completion KPI's denominator.
  await recordClaimEvent('benefit.claimStarted', {});
  let coupons: Coupon[];
  try {
    coupons = await issuePackageCoupons(memberId, pkg, selected.window, now);
  } catch (error) {
    // Nothing half-written: the member can tap again, and re-issuing returns the same coupons.
    await BirthdayClaimModel.deleteOne({ _id: claim._id, state: 'issuing' });
    throw error;
  }
  // Before the claim is marked issued: a claim interrupted here stays `issuing`, and the tap that takes it over
  // records the event (the key names member, package and year, so the claim document's id does not matter).
  await recordClaimEvent('benefit.claimed', { coupons: coupons.length });
  await BirthdayClaimModel.updateOne(
    { _id: claim._id },
    { $set: { state: 'issued', couponIds: coupons.map((coupon) => coupon._id), completedAt: now } },
  );
  await MemberModel.updateOne({ _id: memberId }, { $set: { 'birthdayHistory.lastBenefitClaimedAt': now } });
  return {
    packageCode: pkg.code,
    title: pkg.title,
    celebrationYear,
    claimedAt: toBusinessIso(claim.claimedAt),
    coupons: coupons.map((coupon) => ({ couponId: coupon._id.toHexString(), templateCode: coupon.templateCode, title: coupon.title })),
    benefits: await birthdayBenefits(memberId, context),
  };
}
