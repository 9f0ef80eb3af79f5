import { model, Schema, type Types } from 'mongoose';
import { BENEFIT_ITEM_KINDS, BENEFIT_OPENINGS, TIER_LEVELS, type BenefitWindowRule, type TierLevel } from '@cakeday/shared';

/**
 * A coupon item names its template. A points_multiplier item names nothing else: members see their tier's
 * birthday-month earn rate from the program settings (presentPackage), so the package cannot promise what the earn
 * path does not pay. Packages stored before carried a `multiplierPermille`; it is no longer read.
 */
export interface StoredBenefitItem {
  kind: (typeof BENEFIT_ITEM_KINDS)[number];
  title: string;
  templateCode: string | null;
}

/** A birthday benefit package: which tiers get it, what it holds and when it can be claimed. Seeded, editable by ops. */
export interface BirthdayPackage {
  _id: Types.ObjectId;
  code: string;
  tiers: TierLevel[];
  title: string;
  description: string;
  items: StoredBenefitItem[];
  window: BenefitWindowRule;
  sortOrder: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic version (absent on seeded packages = 0). */
  version?: number;
  /** The audit entries of the last ops changes (audit/audited.ts). */
  auditSeqs?: number[];
}

const itemSchema = new Schema<StoredBenefitItem>(
  {
    kind: { type: String, enum: BENEFIT_ITEM_KINDS, required: true },
    title: { type: String, required: true },
    templateCode: { type: String, default: null },
  },
  { _id: false },
);

const birthdayPackageSchema = new Schema<BirthdayPackage>(
  {
    code: { type: String, required: true },
    tiers: { type: [String], enum: TIER_LEVELS, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    items: { type: [itemSchema], default: [] },
    window: {
      opens: { type: String, enum: BENEFIT_OPENINGS, required: true },
      daysBefore: { type: Number, default: 0 },
      claimDays: { type: Number, default: null },
      withinBirthdayMonth: { type: Boolean, default: false },
    },
    sortOrder: { type: Number, default: 0 },
    active: { type: Boolean, default: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, default: 0 },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'birthday_packages', versionKey: false },
);
birthdayPackageSchema.index({ code: 1 }, { unique: true });

export const BirthdayPackageModel = model<BirthdayPackage>('BirthdayPackage', birthdayPackageSchema);
