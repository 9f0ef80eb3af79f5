import { z } from 'zod';
import { opsDateTimeSchema, opsIdSchema, opsReasonSchema, opsVersionSchema } from '../api/opsEdits.js';
import { pageFields, pageOf } from '../api/paging.js';
import { INTEGRATION_KINDS, INTEGRATION_STATUSES } from './integrations.rules.js';

export const opsIntegrationSchema = z.object({
  id: z.string(),
  keyId: z.string(),
  name: z.string(),
  kind: z.enum(INTEGRATION_KINDS),
  /** The store a till acts for; null for an online channel. */
  store: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  status: z.enum(INTEGRATION_STATUSES),
  /** The secret's last four characters, to tell keys apart; the secret itself is shown once, at creation. */
  secretHint: z.string(),
  createdAt: opsDateTimeSchema,
  revokedAt: opsDateTimeSchema.nullable(),
  lastSeenAt: opsDateTimeSchema.nullable(),
  /** The last rotation; null when the secret is the first one. */
  rotatedAt: opsDateTimeSchema.nullable(),
  /** Until when the secret before the last rotation still signs (the overlap); null when it no longer does. */
  previousSecretValidUntil: opsDateTimeSchema.nullable(),
  /** Requests answered over the last 7 business days (today included), from daily counters. */
  usage: z.object({
    requests: z.number().int(),
    errors: z.number().int(),
    /** Errors per 100 requests, one decimal; null without requests. */
    errorRatePercent: z.number().nullable(),
    lastErrorCode: z.string().nullable(),
    lastErrorAt: opsDateTimeSchema.nullable(),
  }),
  version: z.number().int(),
});

export const opsIntegrationsListRequest = z.object({ ...pageFields, status: z.enum(INTEGRATION_STATUSES).optional() }).strict();
export const opsIntegrationsListResponse = pageOf(opsIntegrationSchema);

export const opsIntegrationsCreateRequest = z
  .object({
    name: z.string().trim().min(1).max(40),
    kind: z.enum(INTEGRATION_KINDS),
    /** Required for a store till, absent for an online channel. */
    storeId: opsIdSchema.nullable().default(null),
    reason: opsReasonSchema.optional(),
  })
  .strict();
export const opsIntegrationsCreateResponse = z.object({
  integration: opsIntegrationSchema,
  /** Shown this once: only its sealed form is kept, and no route answers it again. */
  secret: z.string(),
});

export const opsIntegrationsRevokeRequest = z.object({ id: opsIdSchema, version: opsVersionSchema, reason: opsReasonSchema }).strict();
export const opsIntegrationsRevokeResponse = opsIntegrationSchema;

/** At most a week of overlap: long enough to deploy the new secret to every till, short enough to retire a leak. */
export const INTEGRATION_MAX_OVERLAP_MINUTES = 7 * 24 * 60;

export const opsIntegrationsRotateRequest = z
  .object({
    id: opsIdSchema,
    version: opsVersionSchema,
    /** How long the current secret keeps signing beside the new one (0 = refused at once). */
    overlapMinutes: z.number().int().min(0).max(INTEGRATION_MAX_OVERLAP_MINUTES).default(24 * 60),
    reason: opsReasonSchema,
  })
  .strict();
export const opsIntegrationsRotateResponse = opsIntegrationsCreateResponse;

export type OpsIntegration = z.infer<typeof opsIntegrationSchema>;
