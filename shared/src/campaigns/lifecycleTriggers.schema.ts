import { z } from 'zod';

/**
 * The lifecycle programmes' triggers (issue 15): welcome within hours of the first paid purchase, care after days
 * without one, points expiring within days, the monthly member day, a single purchase of at least an amount, and
 * lifetime earned points reaching a milestone, a tier upgrade to one of the given tiers. Each fires once per member per occurrence (lifecycleTriggers.rules.ts).
 */
export const lifecycleTriggerSchemas = [
  z.object({ kind: z.literal('welcome'), withinHours: z.number().int().min(1).max(168) }),
  z.object({ kind: z.literal('inactive'), days: z.number().int().min(7).max(730) }),
  z.object({ kind: z.literal('pointsExpiring'), withinDays: z.number().int().min(1).max(90) }),
  /** 1–28, so that every month has the day. */
  z.object({ kind: z.literal('memberDay'), dayOfMonth: z.number().int().min(1).max(28) }),
  z.object({ kind: z.literal('spend'), thresholdFen: z.number().int().min(100).max(100_000_00) }),
  z.object({ kind: z.literal('pointsMilestone'), points: z.number().int().min(1).max(10_000_000) }),
  /** The tiers whose upgrade the campaign congratulates (a member reaches basic only by joining). */
  z.object({ kind: z.literal('tierUpgrade'), toTiers: z.array(z.enum(['gold', 'diamond'])).min(1).max(2) }),
] as const;
