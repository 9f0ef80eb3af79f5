import { SUBSCRIPTION_TEMPLATE_KEYS, type SubscriptionTemplateKey } from '@cakeday/shared';
import type { Config } from '../config/config';

type TemplateConfig = Pick<Config, 'WECHAT_TEMPLATE_BIRTHDAY_REMINDER' | 'WECHAT_TEMPLATE_BENEFIT_EXPIRING' | 'WECHAT_TEMPLATE_ORDER_STATUS' | 'WECHAT_TEMPLATE_HELP_SUCCEEDED'>;

/** WeChat's template id for one of Cakeday's templates (configuration: each account has its own ids). */
export function templateIdOf(config: TemplateConfig, key: SubscriptionTemplateKey): string {
  switch (key) {
    case 'birthdayReminder':
      return config.WECHAT_TEMPLATE_BIRTHDAY_REMINDER;
    case 'benefitExpiring':
      return config.WECHAT_TEMPLATE_BENEFIT_EXPIRING;
    case 'orderStatus':
      return config.WECHAT_TEMPLATE_ORDER_STATUS;
    case 'helpSucceeded':
      return config.WECHAT_TEMPLATE_HELP_SUCCEEDED;
  }
}

/** The key of a template id WeChat pushed, or null for a template Cakeday does not send. */
export function templateKeyOf(config: TemplateConfig, templateId: string): SubscriptionTemplateKey | null {
  return SUBSCRIPTION_TEMPLATE_KEYS.find((key) => templateIdOf(config, key) === templateId) ?? null;
}
