import { model, Schema, type Types } from 'mongoose';

/**
 * The allow-list ops keeps: this openid may write off at this store. Deactivating it revokes at once. One per
 * openid (a person is staff of one store at a time); fields after `createdAt` came with the ops console.
 */
export interface StaffAllowance {
  _id: Types.ObjectId;
  openid: string;
  storeId: Types.ObjectId;
  name: string;
  active: boolean;
  createdAt: Date;
  /** The member behind the openid (absent on allowances seeded by openid alone). */
  memberId?: Types.ObjectId | null;
  deactivatedAt?: Date | null;
  updatedAt?: Date;
  /** Optimistic version (absent = 0). */
  version?: number;
  /** The audit entries of the last ops changes (audit/audited.ts). */
  auditSeqs?: number[];
}

const staffAllowanceSchema = new Schema<StaffAllowance>(
  {
    openid: { type: String, required: true },
    storeId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    active: { type: Boolean, default: true },
    createdAt: { type: Date, required: true },
    memberId: { type: Schema.Types.ObjectId, default: null },
    deactivatedAt: { type: Date, default: null },
    updatedAt: { type: Date },
    version: { type: Number, default: 0 },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'staff_allowances', versionKey: false },
);
staffAllowanceSchema.index({ openid: 1 }, { unique: true });
staffAllowanceSchema.index({ storeId: 1, _id: 1 });

export const StaffAllowanceModel = model<StaffAllowance>('StaffAllowance', staffAllowanceSchema);
