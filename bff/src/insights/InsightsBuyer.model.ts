import { model, Schema, type Types } from 'mongoose';
import type { BuyerMonth } from '@cakeday/shared';

/**
 * What the insights consumer remembers of one buyer (shared/src/insights/buyers.rules.ts): the days of their last two
 * paid orders (repurchase) and their recent member-months (birthday-month retention). Derived from the outbox; the
 * insights consumer is its only writer, one event at a time.
 */
export interface InsightsBuyer {
  /** The member's id. */
  _id: Types.ObjectId;
  lastDays: string[];
  months: BuyerMonth[];
  /** Ids of the last events applied here: a re-delivered event (after a crash) changes nothing twice. */
  applied: string[];
}

const insightsBuyerSchema = new Schema<InsightsBuyer>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    lastDays: { type: [String], default: [] },
    months: { type: [{ _id: false, month: String, baseDay: String, baseAt: Date, birthday: Boolean, retained: Boolean }], default: [] },
    applied: { type: [String], default: [] },
  },
  { collection: 'insights_buyers', versionKey: false, minimize: false },
);

export const InsightsBuyerModel = model<InsightsBuyer>('InsightsBuyer', insightsBuyerSchema);
