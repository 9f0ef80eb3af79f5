import { z } from 'zod';

/** A test user by name (`demo`, `alice`: deterministic openid) or by an explicit openid. */
export const userRef = z
  .object({ user: z.string().min(1).max(64).optional(), openid: z.string().min(1).max(64).optional() })
  .refine((ref) => ref.user !== undefined || ref.openid !== undefined, 'give user or openid');

export const upsertUserBody = z.object({
  user: z.string().min(1).max(64).optional(),
  openid: z.string().min(1).max(64).optional(),
  unionid: z.string().min(1).max(64).nullable().optional(),
  phone: z.string().regex(/^\d{5,17}$/).optional(),
  riskRank: z.number().int().min(0).max(4).optional(),
});

export const loginCodeBody = z.object({ user: z.string().optional(), openid: z.string().optional(), appid: z.string().optional() });
export const phoneCodeBody = loginCodeBody.extend({ phone: z.string().regex(/^\d{5,17}$/).optional() });

export const subscriptionBody = z.object({
  user: z.string().optional(),
  openid: z.string().optional(),
  /** A template id, or Cakeday's key for it (birthdayReminder...). */
  template: z.string().min(1),
  result: z.enum(['accept', 'reject', 'ban', 'filter']).default('accept'),
  /** How many times the user accepted (each adds one send; each is its own popup and push). */
  times: z.number().int().min(1).max(100).default(1),
  popupScene: z.number().int().min(0).max(9).default(0),
});

/** One popup of wx.requestSubscribeMessage: up to 3 templates, each answered. */
export const subscriptionPopupBody = z.object({
  user: z.string().optional(),
  openid: z.string().optional(),
  choices: z.array(z.object({ template: z.string().min(1), result: z.enum(['accept', 'reject', 'ban', 'filter']) })).min(1).max(3),
  /** WeChat's PopupScene: 0 in a page, 1 after a payment. */
  popupScene: z.number().int().min(0).max(9).default(0),
});

/** A change of mind in 服务通知 or the settings page (WeChat pushes only rejections). */
export const subscriptionChangeBody = z.object({ user: z.string().optional(), openid: z.string().optional(), template: z.string().min(1) });

export const riskRankBody = z.object({ user: z.string().optional(), openid: z.string().optional(), riskRank: z.number().int().min(0).max(4) });

export const msgSecRule = z.object({
  keyword: z.string().min(1),
  suggest: z.enum(['risky', 'review']),
  label: z.number().int(),
  scene: z.number().int().min(1).max(4).optional(),
});
export const msgSecRulesBody = z.object({ rules: z.array(msgSecRule) });

export const faultBody = z.object({ endpoint: z.string().min(1), errcode: z.number().int(), count: z.number().int().min(1).max(1000).default(1) });
export const lateAnswerBody = z.object({ endpoint: z.string().min(1), delayMs: z.number().int().min(1).max(120_000), count: z.number().int().min(1).max(1000).default(1) });
export const settingsBody = z.object({ reusedCodeErrcode: z.union([z.literal(40029), z.literal(40163)]).optional() });
export const expireTokensBody = z.object({ appid: z.string().optional() });
export const clockBody = z.object({ advanceSeconds: z.number().int().min(0).max(366 * 86_400) });
