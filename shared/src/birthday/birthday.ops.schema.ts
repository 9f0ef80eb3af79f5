import { z } from 'zod';
import { opsDateTimeSchema, opsIdSchema, opsReasonSchema, opsVersionSchema } from '../api/opsEdits.js';
import { TIER_LEVELS } from '../tiers/tiers.rules.js';
import { BENEFIT_OPENINGS } from './birthday.rules.js';
import { BENEFIT_ITEM_KINDS } from './birthday.schema.js';

const packageItem = z
  .object({
    kind: z.enum(BENEFIT_ITEM_KINDS),
    title: z.string().trim().min(1).max(30),
    /**
     * For coupons: the template issued on claim (must exist and be active). A points_multiplier item names none:
     * members see its title and multiple derived from their tier's birthday-month earn rate in the program settings.
     */
    templateCode: z.string().trim().min(1).max(64).nullable(),
  })
  .strict();

const packageWindow = z
  .object({
    opens: z.enum(BENEFIT_OPENINGS),
    /** Only for days_before. */
    daysBefore: z.number().int().min(0).max(60),
    /** Days claimable from the opening; null = until the end of the birthday month. */
    claimDays: z.number().int().min(1).max(366).nullable(),
  })
  .strict();

export const opsBirthdayPackageSchema = z.object({
  id: z.string(),
  /** Stable: claims are keyed by it, so it is never edited. */
  code: z.string(),
  tiers: z.array(z.enum(TIER_LEVELS)),
  title: z.string(),
  description: z.string(),
  items: z.array(packageItem),
  window: packageWindow,
  /** “生日前3天起10天内可领取”, as members read it. */
  windowText: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  updatedAt: opsDateTimeSchema,
  version: z.number().int(),
});

/** The packages are few (one or two per tier): listed whole, optionally for one tier. */
export const opsBirthdayPackagesListRequest = z.object({ tier: z.enum(TIER_LEVELS).optional() }).strict();
export const opsBirthdayPackagesListResponse = z.object({ items: z.array(opsBirthdayPackageSchema) });

export const opsBirthdayPackagesUpdateRequest = z
  .object({
    id: opsIdSchema,
    version: opsVersionSchema,
    tiers: z.array(z.enum(TIER_LEVELS)).min(1).max(TIER_LEVELS.length).optional(),
    title: z.string().trim().min(1).max(30).optional(),
    description: z.string().trim().max(200).optional(),
    items: z.array(packageItem).min(1).max(5).optional(),
    window: packageWindow.optional(),
    sortOrder: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    active: z.boolean().optional(),
    reason: opsReasonSchema.optional(),
  })
  .strict();
export const opsBirthdayPackagesUpdateResponse = opsBirthdayPackageSchema;

export type OpsBirthdayPackage = z.infer<typeof opsBirthdayPackageSchema>;
export type OpsBirthdayPackagesUpdateRequest = z.infer<typeof opsBirthdayPackagesUpdateRequest>;
