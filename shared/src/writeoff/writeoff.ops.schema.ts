import { z } from 'zod';
import { opsDateTimeSchema, opsIdSchema } from '../api/opsEdits.js';
import { pageFields, pageOf } from '../api/paging.js';
import { WRITEOFF_SUBJECTS } from './writeoff.schema.js';

export const opsWriteoffSchema = z.object({
  id: z.string(),
  subject: z.object({
    kind: z.enum(WRITEOFF_SUBJECTS),
    /** The coupon or order id. */
    id: z.string(),
    title: z.string(),
    detail: z.string(),
    /** Masked. */
    memberName: z.string(),
  }),
  memberId: z.string(),
  store: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  staffMemberId: z.string(),
  staffName: z.string(),
  at: opsDateTimeSchema,
});

const writeoffFilters = {
  /** A store manager may only name their own store (and sees only it without one). */
  storeId: opsIdSchema.optional(),
  kind: z.enum(WRITEOFF_SUBJECTS).optional(),
  from: opsDateTimeSchema.optional(),
  /** Exclusive. */
  to: opsDateTimeSchema.optional(),
};

export const opsWriteoffsListRequest = z.object({ ...pageFields, ...writeoffFilters }).strict();
export const opsWriteoffsListResponse = pageOf(opsWriteoffSchema);

/** 404 for a record of a store the operator may not read (its existence is not confirmed). */
export const opsWriteoffsGetRequest = z.object({ id: opsIdSchema }).strict();
export const opsWriteoffsGetResponse = opsWriteoffSchema;

export const opsWriteoffsExportRequest = z.object(writeoffFilters).strict();

export type OpsWriteoff = z.infer<typeof opsWriteoffSchema>;
export type OpsWriteoffFilters = z.infer<typeof opsWriteoffsExportRequest>;
