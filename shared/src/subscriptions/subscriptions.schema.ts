import { z } from 'zod';
import { SUBSCRIPTION_TEMPLATE_KEYS } from './subscriptions.templates.js';

export const subscriptionTemplateKeySchema = z.enum(SUBSCRIPTION_TEMPLATE_KEYS);

/** What WeChat answered for one template of a popup (wx.requestSubscribeMessage's result per template id). */
export const subscriptionChoiceSchema = z.enum(['accept', 'reject', 'ban', 'filter']);

/** One template as the member's 消息设置 shows it. The count comes from WeChat's own events, never from the client. */
export const subscriptionStatusSchema = z.object({
  template: subscriptionTemplateKeySchema,
  /** The template id to pass to wx.requestSubscribeMessage. */
  templateId: z.string(),
  title: z.string(),
  purpose: z.string(),
  /** Messages of this template the brand may still send (one per accept WeChat reported). */
  remaining: z.number().int().min(0),
  /** `rejected`: turned off in 服务通知 or the settings; nothing is sent until the member accepts again. */
  status: z.enum(['none', 'active', 'rejected']),
  marketing: z.boolean(),
});

export const subscriptionsMineRequest = z.object({}).strict();
export const subscriptionsMineResponse = z.object({
  items: z.array(subscriptionStatusSchema),
  /** Whether marketing messages are allowed at all (the marketing_messages consent). */
  marketingConsent: z.boolean(),
});

/** The mini-program's report of a popup's result: recorded for reconciliation, never credited on its own. */
export const subscriptionsRecordRequest = z
  .object({
    choices: z
      .array(z.object({ template: subscriptionTemplateKeySchema, result: subscriptionChoiceSchema }))
      .min(1)
      .max(3),
    /** Where the mini-program asked (生日提醒 after setting the birthday...). */
    moment: z.enum(['birthday_set', 'help_started', 'order_paid', 'points_page', 'settings']),
  })
  .strict();
export const subscriptionsRecordResponse = subscriptionsMineResponse;

export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;
export type SubscriptionsMineResponse = z.infer<typeof subscriptionsMineResponse>;
export type SubscriptionsRecordRequest = z.infer<typeof subscriptionsRecordRequest>;
export type SubscriptionChoice = z.infer<typeof subscriptionChoiceSchema>;
