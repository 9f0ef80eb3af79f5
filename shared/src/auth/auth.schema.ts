import { z } from 'zod';

export const authLoginRequest = z
  .object({
    /** The code from `wx.login()`; single use, valid about five minutes. */
    code: z.string().trim().min(1).max(128),
    /** From a share's `ref` (or its QR scene): binds a new member to the sharer (referral). */
    referralCode: z.string().trim().max(16).optional(),
    /** From a share's `sid`: the share the person arrived through (dates the referral window). */
    shareId: z.string().trim().max(32).optional(),
  })
  .strict();

export const authLoginResponse = z.object({
  /** Bearer token for `Authorization: Bearer <token>`; never contains WeChat's session_key. */
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  member: z.object({
    id: z.string(),
    /** True when this login created the member. */
    isNew: z.boolean(),
  }),
});

export const authLogoutRequest = z.object({}).strict();
export const authLogoutResponse = z.object({ ok: z.literal(true) });

export type AuthLoginRequest = z.infer<typeof authLoginRequest>;
export type AuthLoginResponse = z.infer<typeof authLoginResponse>;
