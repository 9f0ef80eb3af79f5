import { model, Schema, type Types } from 'mongoose';
import { STORE_STATUSES, type GeoPoint, type OpeningHours } from '@cakeday/shared';

/** A store of the brand. Fields after `createdAt` came with the ops console: seeded stores may lack them. */
export interface Store {
  _id: Types.ObjectId;
  code: string;
  name: string;
  address: string;
  createdAt: Date;
  /** The store's own phone for members. */
  phone?: string | null;
  openingHours?: OpeningHours | null;
  /** GCJ-02, for the members' map and nearest-first order; absent or null: not on the map. */
  location?: GeoPoint | null;
  /** Absent = open. */
  status?: (typeof STORE_STATUSES)[number];
  /** Members may choose it for pickup orders; absent (seeded before) = yes. */
  offersPickup?: boolean;
  updatedAt?: Date;
  /** Optimistic version (absent = 0). */
  version?: number;
  /** The audit entries of the last ops changes (audit/audited.ts). */
  auditSeqs?: number[];
}

const storeSchema = new Schema<Store>(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    address: { type: String, default: '' },
    createdAt: { type: Date, required: true },
    phone: { type: String, default: null },
    openingHours: { type: new Schema<OpeningHours>({ opens: String, closes: String }, { _id: false }), default: null },
    location: { type: new Schema<GeoPoint>({ latitude: Number, longitude: Number }, { _id: false }), default: null },
    status: { type: String, enum: STORE_STATUSES, default: 'open' },
    offersPickup: { type: Boolean, default: true },
    updatedAt: { type: Date },
    version: { type: Number, default: 0 },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'stores', versionKey: false },
);
storeSchema.index({ code: 1 }, { unique: true });

export const StoreModel = model<Store>('Store', storeSchema);
