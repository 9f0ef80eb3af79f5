/**
 * What the member is shown when asked for each consent. The mini-program displays exactly this text and
 * sends back `version`; the BFF records that version, so a record always names the words the member saw.
 * Changing a text means a new version: members who agreed to an older one are asked again.
 */
export const CONSENT_PURPOSES = ['birthday', 'marketing_messages', 'sms_marketing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface ConsentText {
  purpose: ConsentPurpose;
  version: string;
  title: string;
  text: string;
}

export const consentTexts: Record<ConsentPurpose, ConsentText> = {
  birthday: {
    purpose: 'birthday',
    version: 'birthday-2026-01',
    title: '生日信息使用说明',
    text:
      '我们将保存你填写的生日（月、日，年份可不填），仅用于在生日月向你发放生日礼、生日积分加倍等会员权益。' +
      '生日设置后 30 天内可修改一次；你可以随时撤回同意，撤回后我们会删除已保存的生日，并停止发放生日权益。',
  },
  marketing_messages: {
    purpose: 'marketing_messages',
    version: 'marketing-2026-01',
    title: '活动消息通知',
    text:
      '同意后，我们会通过微信订阅消息向你发送生日礼、积分到期、新品与优惠活动提醒。' +
      '每条消息仍需你在微信中单独订阅；你可以随时撤回同意，撤回后我们不再向你发送活动消息。',
  },
  sms_marketing: {
    purpose: 'sms_marketing',
    version: 'sms-2026-01',
    title: '短信活动通知',
    text:
      '同意后，我们会向你绑定的手机号发送生日礼、新人礼与会员活动短信（短信以【蛋糕日】开头，夜间不发送）。' +
      '你可以随时在“消息设置”中撤回同意，或直接回复短信“R”或“TD”退订，退订立即生效。',
  },
};

export function currentConsentVersion(purpose: ConsentPurpose): string {
  return consentTexts[purpose].version;
}
