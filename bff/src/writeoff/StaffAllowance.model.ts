import { model, Schema, type Types } from 'mongoose';

/** The allow-list ops keeps: this openid may write off at this store. Removing or deactivating it revokes at once. */
export interface StaffAllowance {
  _id: Types.ObjectId;
  openid: string;
  storeId: Types.ObjectId;
  name: string;
  active: boolean;
  createdAt: Date;
}

const staffAllowanceSchema = new Schema<StaffAllowance>(
  {
    openid: { type: String, required: true },
    storeId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    active: { type: Boolean, default: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'staff_allowances', versionKey: false },
);
staffAllowanceSchema.index({ openid: 1 }, { unique: true });

export const StaffAllowanceModel = model<StaffAllowance>('StaffAllowance', staffAllowanceSchema);
