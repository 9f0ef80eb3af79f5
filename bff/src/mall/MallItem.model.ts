import { model, Schema, type Types } from 'mongoose';
import { LIMIT_PERIODS, MALL_ITEM_KINDS, TIER_LEVELS, type LimitPeriod, type MallItemKind, type TierLevel } from '@cakeday/shared';

export interface MallItem {
  _id: Types.ObjectId;
  /** Stable slug (the seed upserts by it). */
  code: string;
  title: string;
  subtitle: string;
  images: string[];
  description: string;
  rules: string[];
  kind: MallItemKind;
  /** Per unit. */
  pointsPrice: number;
  /** Per unit, fen; 0 = points only. */
  cashFen: number;
  /** Units left; only ever changed by conditional $inc. */
  stock: number;
  /** Orders holding stock that are not yet final: proof of a reservation, so a release happens exactly once. */
  reservedOrders: Types.ObjectId[];
  /** Refunded orders whose units came back to stock: proof, so a refund restocks exactly once. */
  restockedOrders: Types.ObjectId[];
  limitPerMember: number;
  limitPeriod: LimitPeriod;
  tierRequired: TierLevel | null;
  /** For kind `coupon`: the template issued per unit. */
  couponTemplateCode: string | null;
  visibleFrom: Date | null;
  visibleTo: Date | null;
  status: 'active' | 'inactive';
  sortOrder: number;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic version of the ops-editable fields (absent on seeded items = 0); stock changes by orders leave it. */
  version?: number;
  /** The audit entries of the last ops changes (audit/audited.ts). */
  auditSeqs?: number[];
}

const mallItemSchema = new Schema<MallItem>(
  {
    code: { type: String, required: true },
    title: { type: String, required: true },
    subtitle: { type: String, default: '' },
    images: { type: [String], default: [] },
    description: { type: String, default: '' },
    rules: { type: [String], default: [] },
    kind: { type: String, enum: MALL_ITEM_KINDS, required: true },
    pointsPrice: { type: Number, required: true },
    cashFen: { type: Number, required: true, default: 0 },
    stock: { type: Number, required: true },
    reservedOrders: { type: [Schema.Types.ObjectId], default: [] },
    restockedOrders: { type: [Schema.Types.ObjectId], default: [] },
    limitPerMember: { type: Number, required: true },
    limitPeriod: { type: String, enum: LIMIT_PERIODS, required: true },
    tierRequired: { type: String, enum: [...TIER_LEVELS, null], default: null },
    couponTemplateCode: { type: String, default: null },
    visibleFrom: { type: Date, default: null },
    visibleTo: { type: Date, default: null },
    status: { type: String, enum: ['active', 'inactive'], required: true },
    sortOrder: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, default: 0 },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'mall_items', versionKey: false },
);
mallItemSchema.index({ code: 1 }, { unique: true });
mallItemSchema.index({ status: 1, kind: 1, sortOrder: 1 });

export const MallItemModel = model<MallItem>('MallItem', mallItemSchema);
