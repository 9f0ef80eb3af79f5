import { z } from 'zod';
import { opsDateTimeSchema, opsIdSchema, opsReasonSchema, opsVersionSchema } from '../api/opsEdits.js';
import { pageFields, pageOf } from '../api/paging.js';

export const STORE_STATUSES = ['open', 'closed'] as const;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '格式为 HH:mm');

/** Daily hours in Asia/Shanghai; `closes` before `opens` means after midnight. */
export const openingHoursSchema = z.object({ opens: clockTime, closes: clockTime }).strict();

/** A point on the map in GCJ-02 (what WeChat's getLocation/openLocation use in China). */
export const geoPointSchema = z
  .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
  .strict();

const editable = {
  name: z.string().trim().min(1).max(40),
  address: z.string().trim().max(120),
  /** The store's own phone for members (not a person's). */
  phone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, '请输入门店电话').nullable(),
  openingHours: openingHoursSchema.nullable(),
  /** Where members find it on the map (门店 page); null: not shown on a map or ordered by distance. */
  location: geoPointSchema.nullable(),
  /** closed: no longer trading (kept for its write-off history). */
  status: z.enum(STORE_STATUSES),
  /** Members may choose it for pickup orders (实物 / 服务 items). */
  offersPickup: z.boolean(),
};

export const opsStoreSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  openingHours: openingHoursSchema.nullable(),
  location: geoPointSchema.nullable(),
  status: z.enum(STORE_STATUSES),
  offersPickup: z.boolean(),
  /** Active staff allowed to write off here. */
  activeStaff: z.number().int(),
  createdAt: opsDateTimeSchema,
  updatedAt: opsDateTimeSchema,
  version: z.number().int(),
});

/** A store manager sees only their own store. */
export const opsStoresListRequest = z
  .object({ ...pageFields, status: z.enum(STORE_STATUSES).optional(), query: z.string().trim().min(1).max(64).optional() })
  .strict();
export const opsStoresListResponse = pageOf(opsStoreSchema);

export const opsStoresCreateRequest = z
  .object({
    code: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, '2–32 位字母、数字或 -'),
    name: editable.name,
    address: editable.address.default(''),
    phone: editable.phone.default(null),
    openingHours: editable.openingHours.default(null),
    location: editable.location.default(null),
    offersPickup: editable.offersPickup.default(true),
    reason: opsReasonSchema.optional(),
  })
  .strict();
export const opsStoresCreateResponse = opsStoreSchema;

export const opsStoresUpdateRequest = z
  .object(editable)
  .partial()
  .extend({ id: opsIdSchema, version: opsVersionSchema, reason: opsReasonSchema.optional() })
  .strict();
export const opsStoresUpdateResponse = opsStoreSchema;

/** A member allowed to write off at a store (identified by their WeChat openid, shown masked). */
export const opsStoreStaffSchema = z.object({
  id: z.string(),
  store: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  /** null for an allowance seeded before members were linked. */
  memberId: z.string().nullable(),
  /** The member's nickname, masked. */
  memberNickname: z.string().nullable(),
  /** Masked. */
  openid: z.string(),
  /** The name the store knows them by (shown on write-off records). */
  name: z.string(),
  active: z.boolean(),
  createdAt: opsDateTimeSchema,
  deactivatedAt: opsDateTimeSchema.nullable(),
  version: z.number().int(),
});

/** A store manager's list holds only their own store's staff; naming another store is refused. */
export const opsStoreStaffListRequest = z
  .object({ ...pageFields, storeId: opsIdSchema.optional(), active: z.boolean().optional() })
  .strict();
export const opsStoreStaffListResponse = pageOf(opsStoreStaffSchema);

/**
 * Allows a member (by id, e.g. from a member search) to write off at a store. A person is staff of one store at
 * a time; adding someone inactive at the same store reactivates them.
 */
export const opsStoreStaffAddRequest = z
  .object({ storeId: opsIdSchema, memberId: opsIdSchema, name: z.string().trim().min(1).max(20), reason: opsReasonSchema.optional() })
  .strict();
export const opsStoreStaffAddResponse = opsStoreStaffSchema;

/** Revokes at once: their next write-off is refused. */
export const opsStoreStaffDeactivateRequest = z
  .object({ id: opsIdSchema, version: opsVersionSchema, reason: opsReasonSchema.optional() })
  .strict();
export const opsStoreStaffDeactivateResponse = opsStoreStaffSchema;

/** stores.list: the open stores for members (门店); nearest first when the member shares where they are. */
export const storesListRequest = z.object({ near: geoPointSchema.optional() }).strict();
export const memberStoreSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  openingHours: openingHoursSchema.nullable(),
  location: geoPointSchema.nullable(),
  /** Metres from `near`; null without `near` or without a location. */
  distanceMeters: z.number().int().nullable(),
  /** Whether it is open at the moment of the answer (Asia/Shanghai); null when its hours are unknown. */
  openNow: z.boolean().nullable(),
  /** Members may choose it for pickup orders. */
  offersPickup: z.boolean(),
});
export const storesListResponse = z.object({ stores: z.array(memberStoreSchema) });

export type GeoPoint = z.infer<typeof geoPointSchema>;
export type MemberStore = z.infer<typeof memberStoreSchema>;
export type OpsStore = z.infer<typeof opsStoreSchema>;
export type OpsStoreStaff = z.infer<typeof opsStoreStaffSchema>;
export type OpsStoresUpdateRequest = z.infer<typeof opsStoresUpdateRequest>;
export type OpeningHours = z.infer<typeof openingHoursSchema>;
