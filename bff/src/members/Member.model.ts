import { model, Schema, type Types } from 'mongoose';
import { TIER_LEVELS, type TierLevel } from '@cakeday/shared';
import { heldTextSchema, type HeldText } from '../moderation/HeldText';
import { avatarCheckSchema, type AvatarCheck } from './AvatarCheckState';

/** See storedBirthday.ts: month and day in clear for campaigns, the year encrypted. */
export interface StoredBirthday {
  month: number;
  day: number;
  /** AES-256-GCM of the year (personalDataCrypto); null when the member gave none; absent on legacy documents. */
  yearCiphertext?: string | null;
  /** Legacy: the year in clear, as written before it was encrypted. Read only; never written. */
  year?: number | null;
}

/** The phone number encrypted (AES-256-GCM) plus a keyed hash for lookup and uniqueness. */
export interface StoredPhone {
  ciphertext: string;
  masked: string;
  boundAt: Date;
}

/**
 * A tier upgrade written with the tier (same update) whose `tier.upgraded` event is not recorded yet: recorded and
 * pulled right after, or by the next spend of the member or the tiers.review job after a crash in between.
 */
export interface PendingTierUpgrade {
  /** The event's key: one per member, tier reached and tier year (`period`). */
  key: string;
  from: TierLevel;
  to: TierLevel;
  at: Date;
  /** The tier year: the Shanghai day (yyyymmdd) the new tier's review is due. */
  period: string;
  /** The review day: the tier holds at least until the day before. */
  validUntil: Date;
}

export interface Member {
  _id: Types.ObjectId;
  /** WeChat openid; replaced by `deleted:<id>` on deletion so that the person may register afresh. */
  openid: string;
  /** Absent (never null) when unknown: the sparse unique index counts nulls. */
  unionid?: string;
  status: 'active' | 'deleted';
  /** Part of every session token; bumping it revokes them all. */
  tokenVersion: number;
  nickname: string | null;
  /** Set while the nickname waits for a content review: friends and staff then see the default name. */
  nicknameReview?: HeldText | null;
  avatarUrl: string | null;
  /** When the avatar the member points to was uploaded through members.uploadAvatar: a later upload wins. */
  avatarUploadedAt?: Date | null;
  /** WeChat's image check of the uploaded avatar (avatarCheck.ts, AvatarCheckState.ts): others see it once passed; null when none applies. */
  avatarCheck?: AvatarCheck | null;
  phone: StoredPhone | null;
  /** HMAC-SHA256 of the number; absent when none is bound (see unionid). */
  phoneHash?: string;
  birthday: StoredBirthday | null;
  /** Kept after a withdrawal (not the birthday itself) so that set-once cannot be side-stepped. */
  /**
   * `changedAt`: when the birthday was last set or corrected (absent on members who set it before it was kept:
   * firstSetAt stands in); benefits of a birthday set too shortly before it wait for the next (birthdayUnlockOf).
   */
  birthdayHistory: { firstSetAt: Date | null; changedAt?: Date | null; corrections: number; lastBenefitClaimedAt: Date | null };
  /**
   * `reviewDueAt`: when the tiers.review job next looks at the member (the next anniversary while above basic);
   * absent or null when no review is due. The job claims members by it, so members with nothing due are never read.
   */
  tier: { level: TierLevel; since: Date; reviewedAt: Date | null; reviewDueAt?: Date | null; pendingUpgrades?: PendingTierUpgrade[] };
  /** False when the openid was on the deleted-accounts list: no new-member rewards again. */
  newMemberRewardsEligible: boolean;
  /**
   * The first and last paid purchase (orders and till), kept by the lifecycle consumer from the event outbox with
   * $min / $max (a replayed event changes nothing): the welcome and the 90-day care programmes read them.
   */
  lifecycle?: { firstPaidAt?: Date; lastPaidAt?: Date };
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  /** Set once deleteMember has walked every holder of the member's data; null while an erasure is unfinished. */
  erasedAt?: Date | null;
}

const memberSchema = new Schema<Member>(
  {
    openid: { type: String, required: true },
    unionid: { type: String },
    status: { type: String, enum: ['active', 'deleted'], required: true, default: 'active' },
    tokenVersion: { type: Number, required: true, default: 0 },
    nickname: { type: String, default: null },
    nicknameReview: { type: heldTextSchema, default: null },
    avatarUrl: { type: String, default: null },
    avatarUploadedAt: { type: Date, default: null },
    avatarCheck: { type: avatarCheckSchema, default: null },
    phone: {
      type: new Schema<StoredPhone>({ ciphertext: String, masked: String, boundAt: Date }, { _id: false }),
      default: null,
    },
    phoneHash: { type: String },
    birthday: {
      type: new Schema<StoredBirthday>({ month: Number, day: Number, yearCiphertext: { type: String }, year: { type: Number } }, { _id: false }),
      default: null,
    },
    birthdayHistory: {
      firstSetAt: { type: Date, default: null },
      changedAt: { type: Date, default: null },
      corrections: { type: Number, default: 0 },
      lastBenefitClaimedAt: { type: Date, default: null },
    },
    tier: {
      level: { type: String, enum: TIER_LEVELS, default: 'basic' },
      since: { type: Date, required: true },
      reviewedAt: { type: Date, default: null },
      reviewDueAt: { type: Date, default: null },
      pendingUpgrades: { type: [new Schema<PendingTierUpgrade>({ key: String, from: String, to: String, at: Date, period: String, validUntil: Date }, { _id: false })], default: undefined },
    },
    newMemberRewardsEligible: { type: Boolean, default: true },
    lifecycle: { firstPaidAt: { type: Date }, lastPaidAt: { type: Date } },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    deletedAt: { type: Date, default: null },
    erasedAt: { type: Date },
  },
  { collection: 'members', versionKey: false },
);
memberSchema.index({ openid: 1 }, { unique: true });
// Sparse: only members with a unionid / a phone take part in these uniqueness checks.
memberSchema.index({ unionid: 1 }, { unique: true, sparse: true });
memberSchema.index({ phoneHash: 1 }, { unique: true, sparse: true });
memberSchema.index({ status: 1, erasedAt: 1 });
memberSchema.index({ 'tier.reviewDueAt': 1, _id: 1 });
memberSchema.index({ 'tier.pendingUpgrades.key': 1 }, { sparse: true });
// The care programme's daily pass reads the members whose silence reaches its days.
memberSchema.index({ 'lifecycle.lastPaidAt': 1, _id: 1 });
// A pushed avatar verdict finds its member by trace_id.
memberSchema.index({ 'avatarCheck.traceId': 1 }, { sparse: true });

export const MemberModel = model<Member>('Member', memberSchema);
