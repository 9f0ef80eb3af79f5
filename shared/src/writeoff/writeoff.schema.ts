import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

export const WRITEOFF_SUBJECTS = ['coupon', 'order'] as const;

export const storeSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

/** What the staff page shows after a scan, before and after writing off. */
export const writeoffSubjectSchema = z.object({
  kind: z.enum(WRITEOFF_SUBJECTS),
  /** The coupon or order id. */
  id: z.string(),
  title: z.string(),
  /** “¥10 · 满50元可用” or “烘焙课体验券 × 2”. */
  detail: z.string(),
  /** The member's nickname, or 会员 when none is set (no phone numbers). */
  memberName: z.string(),
});

export const writeoffRecordSchema = z.object({
  id: z.string(),
  subject: writeoffSubjectSchema,
  store: storeSchema,
  staffName: z.string(),
  at: isoDateTime,
});

export const writeoffStaffProfileRequest = z.object({}).strict();
export const writeoffStaffProfileResponse = z.object({
  /** False for ordinary members: the staff page shows “你还不是门店店员”. */
  isStaff: z.boolean(),
  store: storeSchema.nullable(),
});

const tokenInput = z.object({ token: z.string().trim().min(1).max(512) }).strict();

export const writeoffPreviewRequest = tokenInput;
export const writeoffPreviewResponse = z.object({
  subject: writeoffSubjectSchema,
  /** The token stays valid until then; confirm before. */
  expiresAt: isoDateTime,
});

export const writeoffRedeemRequest = tokenInput;
export const writeoffRedeemResponse = z.object({ record: writeoffRecordSchema });

export const writeoffHistoryRequest = z
  .object({ cursor: z.string().max(64).optional(), limit: z.number().int().min(1).max(50).default(20) })
  .strict();
export const writeoffHistoryResponse = z.object({
  items: z.array(writeoffRecordSchema),
  nextCursor: z.string().nullable(),
});

export type WriteoffSubject = z.infer<typeof writeoffSubjectSchema>;
export type WriteoffRecord = z.infer<typeof writeoffRecordSchema>;
export type Store = z.infer<typeof storeSchema>;
