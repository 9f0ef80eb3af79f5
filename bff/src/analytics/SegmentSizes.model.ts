import { model, Schema } from 'mongoose';

/** The one snapshot the dashboard reads (`_id`): segment sizes as the segment job's last run left them. */
export const SEGMENT_SIZES_ID = 'latest';

/**
 * Segment sizes counted over every member's stats once per segment-job run, so the dashboard reads one small
 * document by its key instead of counting 100,000 members' stats per request. Counts only: it names nobody.
 */
export interface SegmentSizes {
  _id: string;
  /** When the counts were taken: an older count never replaces a newer one. */
  takenAt: Date;
  /** Members per lifecycle stage, and per R, F and M score (index = score 0–5). */
  stages: Record<string, number>;
  rfm: { r: number[]; f: number[]; m: number[] };
  members: number;
  pending: number;
  segmentedAt: Date | null;
}

const segmentSizesSchema = new Schema<SegmentSizes>(
  {
    _id: { type: String, required: true },
    takenAt: { type: Date, required: true },
    stages: { type: Schema.Types.Mixed, required: true },
    rfm: { type: Schema.Types.Mixed, required: true },
    members: { type: Number, required: true },
    pending: { type: Number, required: true },
    segmentedAt: { type: Date, default: null },
  },
  { collection: 'analytics_segment_sizes', versionKey: false, minimize: false },
);

export const SegmentSizesModel = model<SegmentSizes>('SegmentSizes', segmentSizesSchema);
