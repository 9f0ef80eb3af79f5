import { z } from 'zod';
import { LIFECYCLE_STAGES } from '../analytics/segments.rules.js';
import { CONSENT_PURPOSES } from '../consents/consents.texts.js';
import { tierLevelSchema } from '../tiers/tiers.schema.js';
import { RFM_LEVELS } from './segmentConditions.rules.js';

const objectId = z.string().regex(/^[0-9a-f]{24}$/, '无效的编号');
/** A stored segment's id, or a built-in one (`builtin-rfm-gold`). */
export const segmentIdSchema = z.string().regex(/^([0-9a-f]{24}|builtin-[a-z-]{1,30})$/, '无效的分群');
const isoDateTime = z.iso.datetime({ offset: true });
const scoreRange = z
  .object({ min: z.number().int().min(0).max(5), max: z.number().int().min(0).max(5) })
  .strict()
  .refine((range) => range.min <= range.max, { message: '下限须不高于上限', path: ['max'] });
const days = z.number().int().min(1).max(3650);

export const segmentConditionsSchema = z
  .object({
    stages: z.array(z.enum(LIFECYCLE_STAGES)).max(LIFECYCLE_STAGES.length).default([]),
    rfmLevels: z.array(z.enum(RFM_LEVELS)).max(RFM_LEVELS.length).default([]),
    r: scoreRange.nullable().default(null),
    f: scoreRange.nullable().default(null),
    m: scoreRange.nullable().default(null),
    tiers: z.array(tierLevelSchema).max(3).default([]),
    birthdayMonths: z.array(z.number().int().min(1).max(12)).max(12).default([]),
    consents: z.array(z.enum(CONSENT_PURPOSES)).max(CONSENT_PURPOSES.length).default([]),
    activeWithinDays: days.nullable().default(null),
    inactiveForDays: days.nullable().default(null),
  })
  .strict();

const operatorRef = z.object({ id: z.string(), displayName: z.string() });

export const segmentSchema = z.object({
  id: segmentIdSchema,
  name: z.string(),
  conditions: segmentConditionsSchema,
  /** The birthday plan's RFM levels: always there, not editable. */
  builtIn: z.boolean(),
  version: z.number().int(),
  /** Members matching now (active members, by the stats the segment job last computed). */
  size: z.number().int(),
  createdBy: operatorRef.nullable(),
  updatedAt: isoDateTime.nullable(),
});

const name = z.string().trim().min(2).max(30);

export const opsSegmentsListRequest = z.object({}).strict();
export const opsSegmentsListResponse = z.object({ items: z.array(segmentSchema), sizedAt: isoDateTime });

export const opsSegmentsPreviewRequest = z.object({ conditions: segmentConditionsSchema }).strict();
export const opsSegmentsPreviewResponse = z.object({ size: z.number().int() });

export const opsSegmentsCreateRequest = z.object({ name, conditions: segmentConditionsSchema, reason: z.string().trim().min(2).max(200).optional() }).strict();
export const opsSegmentsUpdateRequest = z.object({ id: objectId, version: z.number().int().min(0), name, conditions: segmentConditionsSchema }).strict();
export const opsSegmentsDeleteRequest = z.object({ id: objectId, version: z.number().int().min(0), reason: z.string().trim().min(2).max(200).optional() }).strict();
export const opsSegmentsDeleteResponse = z.object({ ok: z.literal(true) });

export type Segment = z.infer<typeof segmentSchema>;
export type SegmentConditionsInput = z.infer<typeof segmentConditionsSchema>;
export type OpsSegmentsCreateRequest = z.infer<typeof opsSegmentsCreateRequest>;
export type OpsSegmentsUpdateRequest = z.infer<typeof opsSegmentsUpdateRequest>;
