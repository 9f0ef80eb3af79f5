/**
 * The one-time subscription templates Cakeday sends, by Cakeday's key. The template ids WeChat gave the account are
 * configuration (the BFF's WECHAT_TEMPLATE_*); the fields are the template's keywords, each key's prefix its type.
 */
export const SUBSCRIPTION_TEMPLATE_KEYS = ['birthdayReminder', 'benefitExpiring', 'orderStatus', 'helpSucceeded'] as const;
export type SubscriptionTemplateKey = (typeof SUBSCRIPTION_TEMPLATE_KEYS)[number];

export interface SubscriptionTemplate {
  key: SubscriptionTemplateKey;
  title: string;
  /** What the member is told the reminder is for (消息设置). */
  purpose: string;
  /** data key -> the label WeChat shows; the key's prefix is its type (thing1, date2...). */
  fields: Record<string, string>;
  /** Marketing templates count against the caps and need the marketing consent; transactional ones do not. */
  marketing: boolean;
}

export const SUBSCRIPTION_TEMPLATES: Record<SubscriptionTemplateKey, SubscriptionTemplate> = {
  birthdayReminder: {
    key: 'birthdayReminder',
    title: '生日提醒',
    purpose: '生日前与生日当天提醒你领取生日礼',
    fields: { thing1: '活动名称', date2: '生日日期', thing3: '温馨提示' },
    marketing: true,
  },
  benefitExpiring: {
    key: 'benefitExpiring',
    title: '权益到期提醒',
    purpose: '积分或权益快到期时提醒你',
    fields: { thing1: '权益名称', time2: '到期时间', thing3: '备注' },
    marketing: true,
  },
  orderStatus: {
    key: 'orderStatus',
    title: '订单状态通知',
    purpose: '订单支付、备货、可取货时通知你',
    fields: { character_string1: '订单号', phrase2: '订单状态', amount3: '订单金额', time4: '更新时间' },
    marketing: false,
  },
  helpSucceeded: {
    key: 'helpSucceeded',
    title: '助力成功通知',
    purpose: '好友助力完成时通知你',
    fields: { thing1: '助力活动', name2: '助力好友', thing3: '温馨提示' },
    marketing: false,
  },
};
