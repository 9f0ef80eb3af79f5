import { z } from 'zod';
import { pageFields, pageOf } from '../api/paging.js';
import { POINTS_ADJUSTMENT_STATES } from './points.ops.rules.js';
import { POINTS_ENTRY_KINDS } from './points.schema.js';

/**
 * Ops work on points: manual adjustments (a ledger entry of kind `adjust`, never an edit) with a daily limit per
 * operator and a second operator's approval above a threshold, and the member's whole ledger, paged.
 */
const isoDateTime = z.iso.datetime({ offset: true });
const objectId = z.string().trim().regex(/^[0-9a-fA-F]{24}$/, '编号格式不正确');
const operatorRef = z.object({ id: z.string(), displayName: z.string() });

export const MAX_POINTS_ADJUSTMENT = 1_000_000;

/** A ledger line as ops see it: the member's text plus what caused it. */
export const opsLedgerEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(POINTS_ENTRY_KINDS),
  delta: z.number().int(),
  reasonCode: z.string(),
  reason: z.string(),
  reference: z.object({ type: z.string(), id: z.string() }).nullable(),
  at: isoDateTime,
  expiresAt: isoDateTime.nullable(),
  /** The program settings version the entry used (earns and credits); null for the others and older entries. */
  settingsVersion: z.number().int().nullable(),
});

export const opsPointsLedgerRequest = z.object({ ...pageFields, memberId: objectId }).strict();
export const opsPointsLedgerResponse = pageOf(opsLedgerEntrySchema);

export const pointsAdjustmentStateSchema = z.enum(POINTS_ADJUSTMENT_STATES);

export const pointsAdjustmentSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  /** Signed: positive adds points (a lot with the normal expiry), negative takes them from the lots expiring first. */
  points: z.number().int(),
  /** The operator's reason: internal, for the audit log and the approver. */
  reason: z.string(),
  /** The optional note for the member. */
  memberNote: z.string().nullable(),
  /** What the member reads in 积分明细. */
  memberText: z.string(),
  state: pointsAdjustmentStateSchema,
  stateLabel: z.string(),
  needsApproval: z.boolean(),
  requestedBy: operatorRef,
  requestedAt: isoDateTime,
  /** Who approved or rejected it; null while pending and for adjustments under the threshold. */
  decidedBy: operatorRef.nullable(),
  decidedAt: isoDateTime.nullable(),
  rejectReason: z.string().nullable(),
  appliedAt: isoDateTime.nullable(),
  /** Why the ledger refused it (failed): POINTS_INSUFFICIENT or POINTS_BALANCE_NEGATIVE. */
  failure: z.string().nullable(),
  ledgerEntryId: z.string().nullable(),
  /** The program settings version whose limit and threshold applied. */
  settingsVersion: z.number().int(),
  /** Whether the operator reading it may approve or reject it now (pending, someone else's, allowed to approve). */
  canDecide: z.boolean(),
});

export const opsPointsAdjustRequest = z
  .object({
    memberId: objectId,
    points: z
      .number()
      .int()
      .min(-MAX_POINTS_ADJUSTMENT)
      .max(MAX_POINTS_ADJUSTMENT)
      .refine((points) => points !== 0, { message: '调整积分不能为 0' }),
    reason: z.string().trim().min(2).max(200),
    /** Shown to the member as 积分调整：<note>; without it the member reads 积分调整. */
    memberNote: z.string().trim().min(2).max(30).optional(),
    /** One per adjustment the operator means (a new one per form); a retry with it never adjusts twice. */
    idempotencyKey: z.string().trim().min(8).max(64),
  })
  .strict();
export const opsPointsAdjustResponse = pointsAdjustmentSchema;

export const opsPointsAdjustmentsListRequest = z
  .object({
    ...pageFields,
    /** `pending` is the approval queue. */
    state: pointsAdjustmentStateSchema.optional(),
    memberId: objectId.optional(),
    requestedBy: objectId.optional(),
  })
  .strict();
export const opsPointsAdjustmentsListResponse = pageOf(pointsAdjustmentSchema).extend({
  /** The reading operator's standing today (Asia/Shanghai) under the settings in force. */
  limits: z.object({ dailyLimit: z.number().int(), usedToday: z.number().int(), approvalThreshold: z.number().int() }),
});

export const opsPointsAdjustmentsApproveRequest = z.object({ id: objectId }).strict();
export const opsPointsAdjustmentsApproveResponse = pointsAdjustmentSchema;

export const opsPointsAdjustmentsRejectRequest = z.object({ id: objectId, reason: z.string().trim().min(2).max(200) }).strict();
export const opsPointsAdjustmentsRejectResponse = pointsAdjustmentSchema;

export type OpsLedgerEntry = z.infer<typeof opsLedgerEntrySchema>;
export type PointsAdjustmentView = z.infer<typeof pointsAdjustmentSchema>;
export type OpsPointsAdjustRequest = z.infer<typeof opsPointsAdjustRequest>;
export type OpsPointsAdjustmentsListRequest = z.infer<typeof opsPointsAdjustmentsListRequest>;
