import { SUBSCRIPTION_TEMPLATE_KEYS, SUBSCRIPTION_TEMPLATES, type SubscriptionsMineResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import type { Config } from '../config/config';
import { hasConsent } from '../consents/consentState';
import { SubscriptionQuotaModel } from './SubscriptionQuota.model';
import { templateIdOf } from './subscriptionTemplates';

/** The member's 消息设置: each template's count as WeChat's events left it, and the marketing consent. */
export async function mySubscriptions(memberId: string, config: Config): Promise<SubscriptionsMineResponse> {
  const [quotas, marketingConsent] = await Promise.all([
    SubscriptionQuotaModel.find({ memberId: new Types.ObjectId(memberId) }).lean(),
    hasConsent(memberId, 'marketing_messages'),
  ]);
  const items = SUBSCRIPTION_TEMPLATE_KEYS.map((key) => {
    const template = SUBSCRIPTION_TEMPLATES[key];
    const templateId = templateIdOf(config, key);
    const quota = quotas.find((candidate) => candidate.templateId === templateId);
    return {
      template: key,
      templateId,
      title: template.title,
      purpose: template.purpose,
      remaining: quota?.remaining ?? 0,
      status: quota ? quota.status : ('none' as const),
      marketing: template.marketing,
    };
  });
  return { items, marketingConsent };
}
