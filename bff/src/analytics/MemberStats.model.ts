import type { LifecycleStage, RfmScores } from '@cakeday/shared';
import { model, Schema, type Types } from 'mongoose';

/**
 * What analytics knows about one member, kept up to date by the analytics event consumer and read by the segment
 * job: when they joined and were last active, their paid purchases (for RFM), the days they were counted active and
 * the funnel steps they were counted at (so each is counted once), and the stage and scores last computed.
 */
export interface MemberStats {
  /** The member's id. */
  _id: Types.ObjectId;
  joinedAt: Date;
  lastActiveAt: Date | null;
  /** Paid purchases not refunded, keyed by what they were (`order:<id>`, `purchase:<id>`); the newest 500. */
  purchases: { key: string; at: Date; fen: number }[];
  /** Business days (`2026-06-01`) the member was counted active in the daily rollups; the last few. */
  activeDays: string[];
  /** Funnel steps the member was counted at (`birthday:2026:claim`). */
  funnelSteps: string[];
  /** Ids of the last events applied here: a re-delivered event (after a crash) changes nothing twice. */
  applied: string[];
  stage: LifecycleStage | null;
  rfm: RfmScores | null;
  segmentedAt: Date | null;
  /** The settings version the stage and scores were computed under: a new version has everyone computed again. */
  segmentedWithVersion: number | null;
  /** When the segment job should look at the member again (new activity, or a threshold reached by time). */
  reviewAt: Date | null;
}

const memberStatsSchema = new Schema<MemberStats>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    joinedAt: { type: Date, required: true },
    lastActiveAt: { type: Date, default: null },
    purchases: { type: [{ _id: false, key: String, at: Date, fen: Number }], default: [] },
    activeDays: { type: [String], default: [] },
    funnelSteps: { type: [String], default: [] },
    applied: { type: [String], default: [] },
    stage: { type: String, default: null },
    rfm: { type: Schema.Types.Mixed, default: null },
    segmentedAt: { type: Date, default: null },
    segmentedWithVersion: { type: Number, default: null },
    reviewAt: { type: Date, default: null },
  },
  { collection: 'member_stats', versionKey: false, minimize: false },
);
memberStatsSchema.index({ reviewAt: 1, _id: 1 });
memberStatsSchema.index({ stage: 1 });

export const MemberStatsModel = model<MemberStats>('MemberStats', memberStatsSchema);
