import { z } from 'zod';
import { pageFields, pageOf } from '../api/paging.js';

const isoDateTime = z.iso.datetime({ offset: true });

export const AUDIT_ACTOR_TYPES = ['operator', 'system', 'integration'] as const;
export const AUDIT_OUTCOMES = ['pending', 'applied', 'failed'] as const;

export const auditEntrySchema = z.object({
  /** Position in the chain, from 1. */
  seq: z.number().int().min(1),
  at: isoDateTime,
  actor: z.object({
    type: z.enum(AUDIT_ACTOR_TYPES),
    id: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
  }),
  /** The route (or job) name that acted: `ops.points.adjust`. */
  action: z.string(),
  subject: z.object({ type: z.string(), id: z.string().nullable() }),
  /** Personal data is masked in both. */
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  /** Written ahead of the change: pending until the change is applied or refused. */
  outcome: z.enum(AUDIT_OUTCOMES),
  prevHash: z.string(),
  hash: z.string(),
});

const auditFilters = {
  actorId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  subjectType: z.string().trim().max(64).optional(),
  subjectId: z.string().trim().max(64).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
};

export const opsAuditListRequest = z.object({ ...pageFields, ...auditFilters }).strict();
export const opsAuditListResponse = pageOf(auditEntrySchema);

export const opsAuditExportRequest = z.object(auditFilters).strict();

export const opsAuditVerifyRequest = z.object({}).strict();
export const opsAuditVerifyResponse = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  /** The first entry whose hash or link does not hold. */
  firstBroken: z.object({ seq: z.number().int(), problem: z.string() }).nullable(),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
