import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

/** `adjust`: a manual adjustment by ops (approved where it needed a second operator). */
export const POINTS_ENTRY_KINDS = ['earn', 'spend', 'reverse', 'expire', 'adjust'] as const;

export const pointsEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(POINTS_ENTRY_KINDS),
  /** Signed: positive adds points, negative removes them. */
  delta: z.number().int(),
  reasonCode: z.string(),
  /** Chinese text shown to the member, e.g. “订单支付获得积分”. */
  reason: z.string(),
  at: isoDateTime,
  /** For an earn: when its points expire. */
  expiresAt: isoDateTime.nullable(),
});

export const pointsSummarySchema = z.object({
  /** May be negative after a refund clawed back points already spent; spending is blocked until positive. */
  balance: z.number().int(),
  expiringSoon: z.object({
    points: z.number().int(),
    /** Points expiring before this instant (now + 30 days). */
    before: isoDateTime,
    /** The earliest expiry among them. */
    firstExpiresAt: isoDateTime.nullable(),
  }),
});

export const pointsHistoryRequest = z
  .object({
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

export const pointsHistoryResponse = z.object({
  balance: z.number().int(),
  items: z.array(pointsEntrySchema),
  nextCursor: z.string().nullable(),
});

export type PointsEntry = z.infer<typeof pointsEntrySchema>;
export type PointsSummary = z.infer<typeof pointsSummarySchema>;
export type PointsHistoryResponse = z.infer<typeof pointsHistoryResponse>;
