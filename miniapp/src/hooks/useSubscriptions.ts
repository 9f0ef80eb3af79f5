import type { RouteInput, RouteResponse, SubscriptionTemplateKey } from '@cakeday/shared';
import { call } from '../api/client';
import { requestSubscription } from '../subscriptions/requestSubscription';
import { useAction, type Action } from './useAction';
import { useRemoteData, type RemoteData } from './useRemoteData';

type Moment = RouteInput<'subscriptions.record'>['moment'];

export interface Subscriptions extends RemoteData<RouteResponse<'subscriptions.mine'>> {
  /**
   * Asks for up to 3 templates from the member's tap (never behind a reward), then tells the BFF what the popup
   * answered; the counts shown come from WeChat's own events, so they may take a moment to change.
   */
  ask: Action<[keys: SubscriptionTemplateKey[], moment: Moment], void>;
}

export function useSubscriptions(): Subscriptions {
  const remote = useRemoteData(() => call('subscriptions.mine', {}));
  const ask = useAction(async (keys: SubscriptionTemplateKey[], moment: Moment) => {
    const items = (remote.data ?? (await call('subscriptions.mine', {}))).items.filter((item) => keys.includes(item.template)).slice(0, 3);
    if (items.length === 0) return;
    const answers = await requestSubscription(items.map((item) => ({ templateId: item.templateId, title: item.title })));
    await call('subscriptions.record', { moment, choices: items.map((item) => ({ template: item.template, result: answers[item.templateId] ?? 'reject' })) });
    await remote.reload();
  });
  return { ...remote, ask };
}
