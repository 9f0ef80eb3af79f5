import { model, Schema, type Types } from 'mongoose';
import { REFERRAL_STATES } from '@cakeday/shared';

export type ReferralState = (typeof REFERRAL_STATES)[number];

/**
 * A new member bound to the sharer they arrived through. `_id` is the invitee: first touch wins by the
 * unique key. joined → rewarded (own first purchase fulfilled) | capped (over the daily cap) | expired (no own
 * purchase within the reward window); rewarded → clawed_back (refund). `nextCheckAt` is when the settle job looks at
 * it next, null once nothing is left to settle: the job's working set.
 */
export interface Referral {
  _id: Types.ObjectId;
  referrerId: Types.ObjectId;
  shareId: string;
  boundAt: Date;
  state: ReferralState;
  /** The invitee's first paid order the reward was for. */
  orderId: string | null;
  /** When the reward was first claimed for `orderId`: its daily-cap slot counts on this Asia/Shanghai day, retries too. */
  rewardClaimedAt: Date | null;
  points: number;
  rewardedAt: Date | null;
  /** The referrer's points entry key, for the clawback. */
  pointsKey: string | null;
  /** When the invitee's first-order coupon was issued; null until then (the settle job retries). */
  welcomeIssuedAt: Date | null;
  nextCheckAt: Date | null;
  /**
   * The program settings version in force when the invitee joined: the reward window, the referrer's rate and the
   * welcome coupon are the ones promised then. Absent on referrals bound before versions were kept (settings in force).
   */
  settingsVersion?: number | null;
}

const referralSchema = new Schema<Referral>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    referrerId: { type: Schema.Types.ObjectId, required: true },
    shareId: { type: String, required: true },
    boundAt: { type: Date, required: true },
    state: { type: String, enum: REFERRAL_STATES, required: true },
    orderId: { type: String, default: null },
    rewardClaimedAt: { type: Date, default: null },
    points: { type: Number, default: 0 },
    rewardedAt: { type: Date, default: null },
    pointsKey: { type: String, default: null },
    welcomeIssuedAt: { type: Date, default: null },
    nextCheckAt: { type: Date, default: null },
    settingsVersion: { type: Number, default: null },
  },
  { collection: 'referrals', versionKey: false },
);
referralSchema.index({ referrerId: 1, boundAt: -1 });
referralSchema.index({ nextCheckAt: 1, _id: 1 });

export const ReferralModel = model<Referral>('Referral', referralSchema);
