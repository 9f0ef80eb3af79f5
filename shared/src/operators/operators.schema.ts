import { z } from 'zod';
import { pageFields, pageOf } from '../api/paging.js';
import { OPERATOR_ROLES } from './operators.roles.js';

const isoDateTime = z.iso.datetime({ offset: true });

export const LOGIN_NAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;
export const PASSWORD_MIN_LENGTH = 10;

export const operatorRoleSchema = z.enum(OPERATOR_ROLES);
export const loginNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(LOGIN_NAME_PATTERN, '3–32 位小写字母、数字或 . _ -，以字母开头');
/** At least 10 characters with a letter and a digit; checked again on the server, never stored in clear. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `至少 ${PASSWORD_MIN_LENGTH} 位`)
  .max(128)
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), '须同时包含字母和数字');
const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, '6 位数字');

export const operatorSchema = z.object({
  id: z.string(),
  loginName: z.string(),
  displayName: z.string(),
  roles: z.array(operatorRoleSchema),
  storeId: z.string().nullable(),
  storeName: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  totpEnabled: z.boolean(),
  lastLoginAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  /** Optimistic version: an edit names the version it was based on. */
  version: z.number().int(),
});

/** What the signed-in operator must do before anything else (a one-time password, two-factor for admins). */
export const sessionRequirementsSchema = z.object({ passwordChange: z.boolean(), totpEnrollment: z.boolean() });

export const opsSessionSchema = z.object({
  operator: operatorSchema,
  requires: sessionRequirementsSchema,
  idleExpiresAt: isoDateTime,
  expiresAt: isoDateTime,
});

export const opsLoginRequest = z
  .object({
    loginName: z.string().trim().toLowerCase().min(1).max(64),
    password: z.string().min(1).max(128),
    /** Required once the operator has two-factor on; the first answer says so (OPS_TOTP_REQUIRED). */
    totpCode: totpCodeSchema.optional(),
  })
  .strict();
export const opsLoginResponse = opsSessionSchema;

export const opsLogoutRequest = z.object({ everywhere: z.boolean().default(false) }).strict();
export const opsLogoutResponse = z.object({ ok: z.literal(true) });

export const opsMeRequest = z.object({}).strict();
export const opsMeResponse = opsSessionSchema;

export const opsChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: newPasswordSchema })
  .strict()
  .refine((input) => input.currentPassword !== input.newPassword, { message: '新密码不能与当前密码相同', path: ['newPassword'] });
export const opsChangePasswordResponse = opsSessionSchema;

export const opsTotpSetupRequest = z.object({}).strict();
export const opsTotpSetupResponse = z.object({
  /** Base32 secret and the otpauth:// URI for an authenticator app; shown once, until enabled. */
  secret: z.string(),
  otpauthUri: z.string(),
});
export const opsTotpEnableRequest = z.object({ code: totpCodeSchema }).strict();
export const opsTotpEnableResponse = opsSessionSchema;

export const opsOperatorsListRequest = z
  .object({
    ...pageFields,
    query: z.string().trim().max(64).optional(),
    role: operatorRoleSchema.optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .strict();
export const opsOperatorsListResponse = pageOf(operatorSchema);

const operatorFields = {
  displayName: z.string().trim().min(1).max(32),
  roles: z.array(operatorRoleSchema).min(1).max(OPERATOR_ROLES.length),
  /** Required for a store manager, refused for brand-wide roles alone. */
  storeId: z.string().trim().max(64).nullable().default(null),
};

export const opsOperatorsCreateRequest = z.object({ loginName: loginNameSchema, ...operatorFields }).strict();
export const opsOperatorsCreateResponse = z.object({
  operator: operatorSchema,
  /** Shown once; the operator must change it at first login. */
  oneTimePassword: z.string(),
});

export const opsOperatorsUpdateRequest = z
  .object({
    id: z.string().min(1).max(64),
    version: z.number().int().min(0),
    displayName: operatorFields.displayName.optional(),
    roles: operatorFields.roles.optional(),
    storeId: z.string().trim().max(64).nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
    reason: z.string().trim().min(2).max(200),
  })
  .strict();
export const opsOperatorsUpdateResponse = operatorSchema;

export const opsOperatorsResetPasswordRequest = z
  .object({ id: z.string().min(1).max(64), reason: z.string().trim().min(2).max(200) })
  .strict();
export const opsOperatorsResetPasswordResponse = opsOperatorsCreateResponse;

export type Operator = z.infer<typeof operatorSchema>;
export type OpsSession = z.infer<typeof opsSessionSchema>;
