import type { MemberDayStage, TierLevel } from '@cakeday/shared';
import { model, Schema } from 'mongoose';

/**
 * One business day's member counts by tier and by lifecycle stage, taken once a day by the members-over-time job so
 * the dashboard reads one small document a day instead of counting 100,000 members per request. Counts only: it
 * names nobody.
 */
export interface MemberDay {
  /** The Shanghai business day, `2026-11-29`: the idempotency key (a re-run the same day overwrites it). */
  _id: string;
  /** When the counts were taken: an older count never replaces a newer one. */
  takenAt: Date;
  /** Active (not erased) members who had joined by the end of the day. */
  members: number;
  tiers: Record<TierLevel, number>;
  stages: Record<MemberDayStage, number>;
  /** A day the job missed, filled in by a later run from join dates and the tiers and stages of that run. */
  estimated: boolean;
}

const memberDaySchema = new Schema<MemberDay>(
  {
    _id: { type: String, required: true },
    takenAt: { type: Date, required: true },
    members: { type: Number, required: true },
    tiers: { type: Schema.Types.Mixed, required: true },
    stages: { type: Schema.Types.Mixed, required: true },
    estimated: { type: Boolean, required: true },
  },
  { collection: 'analytics_member_days', versionKey: false, minimize: false },
);

export const MemberDayModel = model<MemberDay>('MemberDay', memberDaySchema);
