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

export type OpsIntegration = z.infer<typeof opsIntegrationSchema>;
