import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SubscriptionTemplateKey } from '@cakeday/shared';
import { useSubscriptions, type Subscriptions } from '../hooks/useSubscriptions';
import './SubscribeCard.scss';

type Moment = Parameters<Subscriptions['ask']['run']>[1];

/**
 * An offer to receive one kind of reminder, asked from the member's own tap (WeChat's rule) and never tied to a
 * reward; answering either way changes nothing else on the page.
 */
export function SubscribeCard({ template, moment, text, action }: { template: SubscriptionTemplateKey; moment: Moment; text: string; action: string }): JSX.Element {
  const subscriptions = useSubscriptions();
  return (
    <View className='subscribe-card'>
      <Text className='subscribe-card__text'>{text}</Text>
      <Button size='small' fill='outline' loading={subscriptions.ask.pending} onClick={() => void subscriptions.ask.run([template], moment)}>
        {action}
      </Button>
    </View>
  );
}
