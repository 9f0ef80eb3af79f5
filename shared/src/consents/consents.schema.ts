import { z } from 'zod';
import { CONSENT_PURPOSES } from './consents.texts.js';

export const consentPurposeSchema = z.enum(CONSENT_PURPOSES);
/** How the member said it: in the app, or by replying R/TD to a marketing SMS. */
export const consentViaSchema = z.enum(['app', 'sms_reply']);

/** The member's current standing for one purpose, with the text to show if they are asked again. */
export const consentStatusSchema = z.object({
  purpose: consentPurposeSchema,
  title: z.string(),
  text: z.string(),
  currentVersion: z.string(),
  granted: z.boolean(),
  grantedVersion: z.string().nullable(),
  grantedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Granted, but to an older text: ask again before relying on it. */
  needsRenewal: z.boolean(),
  /** When the latest record is a withdrawal: when, and how (in the app, or by replying R/TD to an SMS: 退订). */
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
  withdrawnVia: consentViaSchema.nullable(),
});

export const consentRecordSchema = z.object({
  purpose: consentPurposeSchema,
  action: z.enum(['grant', 'withdraw']),
  version: z.string(),
  at: z.iso.datetime({ offset: true }),
  via: consentViaSchema.optional(),
});

export const consentsListRequest = z.object({}).strict();
export const consentsListResponse = z.object({
  consents: z.array(consentStatusSchema),
  /** The append-only history, newest first. */
  records: z.array(consentRecordSchema),
});

export const consentsGrantRequest = z
  .object({
    purpose: consentPurposeSchema,
    /** The version of the text the member was shown (from consentTexts). */
    version: z.string().min(1).max(64),
  })
  .strict();
export const consentsGrantResponse = consentStatusSchema;

export const consentsWithdrawRequest = z.object({ purpose: consentPurposeSchema }).strict();
export const consentsWithdrawResponse = consentStatusSchema;

export type ConsentStatus = z.infer<typeof consentStatusSchema>;
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
