import { z } from 'zod';
import { tierLevelSchema } from '../tiers/tiers.schema.js';
import { BENEFIT_OPENINGS } from './birthday.rules.js';

const isoDateTime = z.iso.datetime({ offset: true });

export const BENEFIT_ITEM_KINDS = ['coupon', 'points_multiplier'] as const;
export const BENEFIT_PACKAGE_STATES = ['claimable', 'upcoming', 'claimed'] as const;

export const benefitItemSchema = z.object({
  kind: z.enum(BENEFIT_ITEM_KINDS),
  /** e.g. “生日月9折券”, “生日月双倍积分” (a points item's title is derived from the program settings). */
  title: z.string(),
  /** For coupons: the coupon template issued on claim. */
  templateCode: z.string().nullable(),
  /**
   * For points_multiplier: the tier's birthday-month earn rate over its usual one, in thousandths (2000 = ×2), from
   * the program settings the earn path reads.
   */
  multiplierPermille: z.number().int().nullable(),
  /** True when the item applies by itself and needs no claim (the points multiplier). */
  automatic: z.boolean(),
});

export const benefitPackageSchema = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  items: z.array(benefitItemSchema),
  opens: z.enum(BENEFIT_OPENINGS),
  /** “生日前3天起10天内可领取”. */
  windowText: z.string(),
  /** claimable: the claim button is live; upcoming: opens later; claimed: already claimed this birthday year. */
  state: z.enum(BENEFIT_PACKAGE_STATES),
  /** The celebration year the window and the claim belong to. */
  celebrationYear: z.number().int(),
  /** First and last claimable day (YYYY-MM-DD, Asia/Shanghai) and the exact instants. */
  firstDay: z.iso.date(),
  lastDay: z.iso.date(),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  /** Whole days until it opens (0 when open). */
  daysUntilOpen: z.number().int(),
  claimedAt: isoDateTime.nullable(),
  /** Whether claiming issues anything (a package of automatic items only shows as information). */
  claimable: z.boolean(),
});

/** Why there is nothing to show: no birthday set, or the birthday consent was withdrawn. */
export const BIRTHDAY_UNAVAILABLE_REASONS = ['no_birthday', 'consent_withdrawn'] as const;

export const birthdayGreetingSchema = z.object({ title: z.string(), message: z.string() });

export const birthdayBenefitsRequest = z.object({}).strict();
export const birthdayBenefitsResponse = z.object({
  available: z.boolean(),
  unavailableReason: z.enum(BIRTHDAY_UNAVAILABLE_REASONS).nullable(),
  /** Never the year. */
  birthday: z.object({ month: z.number().int(), day: z.number().int() }).nullable(),
  /** The next celebration (today on the day), YYYY-MM-DD. */
  nextBirthday: z.iso.date().nullable(),
  daysUntilBirthday: z.number().int().nullable(),
  isBirthdayToday: z.boolean(),
  isBirthdayMonth: z.boolean(),
  tier: z.object({ level: tierLevelSchema, name: z.string() }),
  /**
   * Set when this birthday's benefits are locked because the birthday was set fewer than the program settings'
   * `birthday.minDaysSetBeforeBenefits` days before it: the birthday that was passed over, the first one whose
   * benefits the member gets (its packages show as upcoming), and the sentence the card shows first. Null otherwise.
   */
  benefitsLocked: z.object({ celebration: z.iso.date(), startsOn: z.iso.date(), notice: z.string() }).nullable(),
  /** The e-card, only on the day. */
  greeting: birthdayGreetingSchema.nullable(),
  /** Claimable first, then upcoming by opening date, then claimed. */
  packages: z.array(benefitPackageSchema),
  claimableCount: z.number().int(),
});

export const birthdayClaimRequest = z
  .object({
    packageCode: z.string().trim().min(1).max(64),
  })
  .strict();

export const claimedCouponSchema = z.object({
  couponId: z.string(),
  templateCode: z.string(),
  title: z.string(),
});

export const birthdayClaimResponse = z.object({
  packageCode: z.string(),
  title: z.string(),
  celebrationYear: z.number().int(),
  claimedAt: isoDateTime,
  coupons: z.array(claimedCouponSchema),
  /** The refreshed card, so the page re-renders without another call. */
  benefits: birthdayBenefitsResponse,
});

export type BenefitItem = z.infer<typeof benefitItemSchema>;
export type BenefitPackageView = z.infer<typeof benefitPackageSchema>;
export type BirthdayBenefitsResponse = z.infer<typeof birthdayBenefitsResponse>;
export type BirthdayClaimResponse = z.infer<typeof birthdayClaimResponse>;
