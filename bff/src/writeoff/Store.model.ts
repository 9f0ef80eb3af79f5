import { model, Schema, type Types } from 'mongoose';

export interface Store {
  _id: Types.ObjectId;
  code: string;
  name: string;
  address: string;
  createdAt: Date;
}

const storeSchema = new Schema<Store>(
  { code: { type: String, required: true }, name: { type: String, required: true }, address: { type: String, default: '' }, createdAt: { type: Date, required: true } },
  { collection: 'stores', versionKey: false },
);
storeSchema.index({ code: 1 }, { unique: true });

export const StoreModel = model<Store>('Store', storeSchema);
