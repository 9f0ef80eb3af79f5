import Taro from '@tarojs/taro';
import type { SubscriptionChoice } from '@cakeday/shared';
import { ApiError } from '../api/apiError';
import { devLoginUser } from '../auth/devLoginUser';

/**
 * The H5 build has no WeChat popup: a development build shows a stand-in (允许 / 取消) and asks the WeChat sandbox
 * to play that answer, which pushes WeChat's subscribe_msg_popup_event to the BFF as WeChat would.
 */
export async function requestSubscription(templates: { templateId: string; title: string }[]): Promise<Record<string, SubscriptionChoice>> {
  if (!process.env.TARO_APP_SANDBOX_URL) throw new ApiError('SERVICE_UNAVAILABLE', 0);
  const chosen = templates.slice(0, 3);
  const { confirm } = await Taro.showModal({ title: '订阅消息', content: `接收以下消息：${chosen.map((template) => template.title).join('、')}`, confirmText: '允许', cancelText: '取消' });
  const result: SubscriptionChoice = confirm ? 'accept' : 'reject';
  let answer: { statusCode: number };
  try {
    answer = await Taro.request({
      url: `${process.env.TARO_APP_SANDBOX_URL}/__sandbox/subscription-popups`,
      method: 'POST',
      header: { 'Content-Type': 'application/json' },
      data: { user: devLoginUser(), choices: chosen.map((template) => ({ template: template.templateId, result })) },
      dataType: 'json',
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', 0);
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw new ApiError('SERVICE_UNAVAILABLE', answer.statusCode);
  return Object.fromEntries(chosen.map((template) => [template.templateId, result]));
}
