import { z } from 'zod';
import { consentRecordSchema } from '../consents/consents.schema.js';
import { pointsEntrySchema, pointsSummarySchema } from '../points/points.schema.js';
import { tierSummarySchema } from '../tiers/tiers.schema.js';
import { isValidBirthday } from './birthday.rules.js';

const isoDateTime = z.iso.datetime({ offset: true });

export const NICKNAME_MAX_LENGTH = 20;
export const AVATAR_URL_MAX_LENGTH = 512;

export const birthdaySchema = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  year: z.number().int().min(1900).max(2100).nullable(),
});

export const birthdayLockSchema = z.object({
  /** open: may be set; correctable: one correction allowed until `correctableUntil`; locked: only ops can change it. */
  state: z.enum(['open', 'correctable', 'locked']),
  correctableUntil: isoDateTime.nullable(),
});

export const memberProfileSchema = z.object({
  id: z.string(),
  nickname: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  /** Always masked (138****1234); the full number never leaves the BFF. */
  phoneMasked: z.string().nullable(),
  birthday: birthdaySchema.nullable(),
  birthdayLock: birthdayLockSchema,
  memberSince: isoDateTime,
});

export const membersMeRequest = z.object({}).strict();
export const membersMeResponse = memberProfileSchema.extend({
  tier: tierSummarySchema,
  points: pointsSummarySchema,
  coupons: z.object({ available: z.number().int() }),
});

export const membersUpdateRequest = z
  .object({
    nickname: z.string().trim().min(1).max(NICKNAME_MAX_LENGTH).optional(),
    avatarUrl: z.url({ protocol: /^https?$/ }).max(AVATAR_URL_MAX_LENGTH).optional(),
  })
  .strict()
  .refine((input) => input.nickname !== undefined || input.avatarUrl !== undefined, {
    message: '请填写昵称或头像',
  });
export const membersUpdateResponse = memberProfileSchema;

export const membersBindPhoneRequest = z
  .object({
    /** The code from `<button open-type="getPhoneNumber">`; single use. */
    code: z.string().trim().min(1).max(128),
  })
  .strict();
export const membersBindPhoneResponse = z.object({ phoneMasked: z.string() });

export const membersSetBirthdayRequest = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1900).max(2100).optional(),
    /** The version of consentTexts.birthday the member agreed to on this page. */
    consentVersion: z.string().min(1).max(64),
  })
  .strict()
  .refine((input) => isValidBirthday(input), { message: '日期不存在', path: ['day'] });
export const membersSetBirthdayResponse = z.object({
  birthday: birthdaySchema,
  birthdayLock: birthdayLockSchema,
});

export const membersExportRequest = z.object({}).strict();
export const membersExportResponse = z.object({
  exportedAt: isoDateTime,
  profile: memberProfileSchema.extend({
    unionidLinked: z.boolean(),
    status: z.enum(['active', 'deleted']),
  }),
  tier: tierSummarySchema,
  points: pointsSummarySchema.extend({
    lots: z.array(
      z.object({
        earnedAt: isoDateTime,
        expiresAt: isoDateTime,
        amount: z.number().int(),
        remaining: z.number().int(),
      }),
    ),
    entries: z.array(pointsEntrySchema),
  }),
  paidSpend: z.array(z.object({ amountFen: z.number().int(), paidAt: isoDateTime, reference: z.string() })),
  consents: z.array(consentRecordSchema),
});

export const membersDeleteRequest = z.object({ confirm: z.literal(true) }).strict();
export const membersDeleteResponse = z.object({ deleted: z.literal(true) });

export type MemberProfile = z.infer<typeof memberProfileSchema>;
export type MembersMeResponse = z.infer<typeof membersMeResponse>;
export type MembersExportResponse = z.infer<typeof membersExportResponse>;
