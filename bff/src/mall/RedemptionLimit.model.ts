import { model, Schema, type Types } from 'mongoose';

/**
 * Units a member redeemed of an item in one period. `_id` = `<memberId>:<itemId>:<periodKey>`; `orders` names
 * every order counted, so counting and releasing are each conditional and happen once per order.
 */
export interface RedemptionLimit {
  _id: string;
  count: number;
  orders: Types.ObjectId[];
}

const redemptionLimitSchema = new Schema<RedemptionLimit>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
    orders: { type: [Schema.Types.ObjectId], default: [] },
  },
  { collection: 'mall_redemption_limits', versionKey: false },
);

export const RedemptionLimitModel = model<RedemptionLimit>('RedemptionLimit', redemptionLimitSchema);
