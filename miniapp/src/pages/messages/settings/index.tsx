import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { CardSkeleton } from '../../../components/CardSkeleton';
import { ErrorView } from '../../../components/StateViews';
import { useConsents } from '../../../hooks/useConsents';
import { useSubscriptions } from '../../../hooks/useSubscriptions';
import { ConsentItem } from '../../privacy/ConsentItem';
import '../../privacy/index.scss';
import '../index.scss';

const statusText = (status: 'none' | 'active' | 'rejected', remaining: number): string =>
  status === 'rejected' ? '已关闭' : remaining > 0 ? `还可接收 ${remaining} 条` : '未订阅';

/**
 * 消息设置: what the member is subscribed to, how WeChat's "总是保持以上选择" works, the marketing consent, and the
 * SMS consent (its exact text and switch, as in the privacy centre; a 退订 by SMS reply shows here too).
 */
export function MessageSettingsPage(): JSX.Element {
  const subscriptions = useSubscriptions();
  const consents = useConsents();
  const smsConsent = consents.data?.consents.find((status) => status.purpose === 'sms_marketing');
  if (subscriptions.loading && !subscriptions.data) return <CardSkeleton cards={2} />;
  if (!subscriptions.data) return <ErrorView message={subscriptions.error?.message ?? '加载失败'} onRetry={() => void subscriptions.reload()} />;
  const { items, marketingConsent } = subscriptions.data;
  return (
    <View className='messages'>
      <CellGroup>
        {items.map((item) => (
          <Cell key={item.template} title={item.title} description={item.purpose} extra={statusText(item.status, item.remaining)} />
        ))}
      </CellGroup>
      <View className='messages__card'>
        <Text className='messages__title'>关于订阅</Text>
        <Text className='messages__line'>
          微信规定：每次点“允许”，我们才可以给你发一条对应的消息。勾选“总是保持以上选择，不再询问”后，微信不再弹窗，并按你的选择处理；要更改，请在小程序右上角“…”→设置→订阅消息中调整。
        </Text>
        <Button
          block
          type='primary'
          loading={subscriptions.ask.pending}
          onClick={() => void subscriptions.ask.run(['birthdayReminder', 'benefitExpiring', 'orderStatus'], 'settings')}
        >
          接收生日、权益与订单提醒
        </Button>
      </View>
      <CellGroup>
        <Cell
          title='营销消息'
          description='活动与优惠的消息；撤回后我们立即停止发送'
          extra={`${marketingConsent ? '已同意' : '未同意'} ›`}
          clickable
          onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}
        />
      </CellGroup>
      {smsConsent ? (
        <View className='messages__card'>
          <Text className='messages__title'>短信营销</Text>
          <ConsentItem status={smsConsent} pending={consents.setGranted.pending} onChange={(granted) => void consents.setGranted.run(smsConsent, granted)} />
        </View>
      ) : null}
    </View>
  );
}

export default MessageSettingsPage;
