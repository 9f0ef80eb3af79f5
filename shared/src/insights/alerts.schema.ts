import { z } from 'zod';
import { opsDateTimeSchema, opsIdSchema, opsVersionSchema } from '../api/opsEdits.js';
import { ALERT_KINDS, ALERT_STATES } from './alerts.rules.js';

const businessDay = z.iso.date();

export const opsAlertSchema = z.object({
  id: opsIdSchema,
  kind: z.enum(ALERT_KINDS),
  /** The KPI's name, the channel or the campaign's id. */
  subject: z.string(),
  /** The business day evaluated, and the window of days its value was measured over. */
  day: businessDay,
  window: z.object({ from: businessDay, to: businessDay }),
  value: z.number(),
  threshold: z.number(),
  sample: z.number().int(),
  state: z.enum(ALERT_STATES),
  raisedAt: opsDateTimeSchema,
  acknowledgedAt: opsDateTimeSchema.nullable(),
  /** Whether the on-duty operators' notice was written to the outbox. */
  notified: z.boolean(),
  version: z.number().int(),
});

export const opsInsightsAlertsRequest = z.object({ state: z.enum(ALERT_STATES).default('open') }).strict();
export const opsInsightsAlertsResponse = z.object({ items: z.array(opsAlertSchema), total: z.number().int() });

export const opsInsightsAlertAcknowledgeRequest = z.object({ id: opsIdSchema, version: opsVersionSchema }).strict();
export const opsInsightsAlertAcknowledgeResponse = opsAlertSchema;

export type OpsAlert = z.infer<typeof opsAlertSchema>;
export type OpsInsightsAlertsResponse = z.infer<typeof opsInsightsAlertsResponse>;
