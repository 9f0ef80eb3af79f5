/**
 * The SMS templates Cakeday sends through Tencent Cloud SMS (短信 → 国内短信 → 正文模板管理), by Cakeday's key.
 * The ids Tencent gives them after review are configuration (SMS_TEMPLATE_*); the text here is what was submitted
 * for review, so that the BFF can show what a member received (消息中心) and check a message before sending it.
 * Variables are `{1}`, `{2}`… numbered from 1; the signature 【…】 is added by Tencent in front of the text.
 * Marketing templates end with the opt-out instruction Tencent's review requires.
 */
export const SMS_TEMPLATE_KEYS = ['birthdayGreeting', 'welcome', 'campaignNotice'] as const;
export type SmsTemplateKey = (typeof SMS_TEMPLATE_KEYS)[number];

export interface SmsTemplate {
  key: SmsTemplateKey;
  /** Marketing SMS need the member's SMS consent and carry the opt-out instruction; notifications do not. */
  kind: 'marketing' | 'notification';
  text: string;
  /** What each variable holds, in order ({1} first). */
  params: readonly string[];
}

/** The opt-out instruction every marketing SMS ends with (a reply of R or TD withdraws the SMS consent). */
export const SMS_OPT_OUT_INSTRUCTION = '拒收请回复R';

export const SMS_TEMPLATES: Readonly<Record<SmsTemplateKey, SmsTemplate>> = {
  birthdayGreeting: {
    key: 'birthdayGreeting',
    kind: 'marketing',
    text: `亲爱的{1}，还有{2}天就是你的生日，生日礼已放入会员中心，打开小程序即可领取。${SMS_OPT_OUT_INSTRUCTION}`,
    params: ['昵称', '距生日天数'],
  },
  welcome: {
    key: 'welcome',
    kind: 'marketing',
    text: `欢迎加入蛋糕日会员！{1}已放入你的会员账户，打开小程序即可查看。${SMS_OPT_OUT_INSTRUCTION}`,
    params: ['权益名称'],
  },
  campaignNotice: {
    key: 'campaignNotice',
    kind: 'marketing',
    text: `{1}：{2}，详情请打开蛋糕日小程序查看。${SMS_OPT_OUT_INSTRUCTION}`,
    params: ['活动名称', '活动内容'],
  },
};
