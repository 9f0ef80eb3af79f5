import { z } from 'zod';

export const authLoginRequest = z
  .object({
    /** The code from `wx.login()`; single use, valid about five minutes. */
    code: z.string().trim().min(1).max(128),
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
