import { z } from 'zod';

const count = z.number().int();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const businessDay = z.iso.date();

export const opsInsightsLiabilityRequest = z.object({}).strict();
export const opsInsightsLiabilityResponse = z.object({
  /** The business day of the snapshot (one a day, by the liability job or the first read of the day). */
  day: businessDay,
  computedAt: z.iso.datetime({ offset: true }),
  /** Points members hold in lots not yet expired, and how many members hold them. */
  outstandingPoints: count,
  members: count,
  redemption: z.object({
    permille: count,
    basis: z.enum(['measured', 'assumed']),
    /** The last 365 business days' points issued and redeemed (daily rollups) the measured rate comes from. */
    issued: count,
    redeemed: count,
  }),
  fenPerThousandPoints: count,
  /** What the redemption rate implies the outstanding points cost, in fen. */
  impliedFen: count,
  /** When the points expire, by Shanghai month (the ledger's lots), oldest first. */
  months: z.array(z.object({ month, points: count, expectedRedeemedPoints: count, impliedFen: count })),
  /** The earlier snapshots (up to 90 days), oldest first. */
  history: z.array(z.object({ day: businessDay, outstandingPoints: count, impliedFen: count })),
});
export const opsInsightsLiabilityExportRequest = z.object({}).strict();

export type OpsInsightsLiabilityResponse = z.infer<typeof opsInsightsLiabilityResponse>;
