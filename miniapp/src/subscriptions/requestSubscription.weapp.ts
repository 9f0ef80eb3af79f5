import Taro from '@tarojs/taro';
import type { SubscriptionChoice } from '@cakeday/shared';
import { ApiError } from '../api/apiError';

const CHOICES: readonly SubscriptionChoice[] = ['accept', 'reject', 'ban', 'filter'];

/** wx.requestSubscribeMessage: must run from the member's tap; WeChat pushes the real answer to the BFF. */
export async function requestSubscription(templates: { templateId: string; title: string }[]): Promise<Record<string, SubscriptionChoice>> {
  const tmplIds = templates.map((template) => template.templateId).slice(0, 3);
  let answer: Record<string, unknown>;
  try {
    answer = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
  } catch {
    throw new ApiError('SUBSCRIPTION_QUOTA_EXHAUSTED', 0);
  }
  return Object.fromEntries(tmplIds.map((id) => [id, CHOICES.find((choice) => choice === answer[id]) ?? 'reject']));
}
