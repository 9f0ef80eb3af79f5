import { Schema } from 'mongoose';

/**
 * A member's text held back from everyone else until ops approve it (the ops queue comes later): its author
 * sees it marked 审核中, friends and staff do not. `review` is WeChat's verdict; `unavailable` means the check
 * could not be made (WeChat down, quota, the author's visit too old), and an unchecked text is never shown.
 */
export interface HeldText {
  reason: 'review' | 'unavailable';
  /** WeChat's label and trace id, kept for ops (msgSecCheck cannot be re-asked hours later: 61010). */
  label: number | null;
  traceId: string | null;
  heldAt: Date;
}

export const heldTextSchema = new Schema<HeldText>(
  {
    reason: { type: String, enum: ['review', 'unavailable'], required: true },
    label: { type: Number, default: null },
    traceId: { type: String, default: null },
    heldAt: { type: Date, required: true },
  },
  { _id: false },
);
