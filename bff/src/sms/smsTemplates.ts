import type { SmsTemplateKey } from '@cakeday/shared';
import type { Config } from '../config/config';

type SmsTemplateConfig = Pick<Config, 'SMS_TEMPLATE_BIRTHDAY_GREETING' | 'SMS_TEMPLATE_WELCOME' | 'SMS_TEMPLATE_CAMPAIGN_NOTICE'>;

/** Tencent's id of one of Cakeday's approved SMS templates (configuration: each account has its own). */
export function smsTemplateIdOf(config: SmsTemplateConfig, key: SmsTemplateKey): string {
  switch (key) {
    case 'birthdayGreeting':
      return config.SMS_TEMPLATE_BIRTHDAY_GREETING;
    case 'welcome':
      return config.SMS_TEMPLATE_WELCOME;
    case 'campaignNotice':
      return config.SMS_TEMPLATE_CAMPAIGN_NOTICE;
  }
}
