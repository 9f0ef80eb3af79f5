import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { JoinTerms } from './JoinTerms';
import './StateViews.scss';

interface StateViewProps {
  emoji: string;
  title: string;
  description?: string;
  action?: { text: string; pending?: boolean; onClick(): void };
}

/** A whole-page state: nothing yet, a failure, or logged out. Drawn locally, with no remote images. */
function StateView({ emoji, title, description, action }: StateViewProps): JSX.Element {
  return (
    <View className='state-view'>
      <Text className='state-view__emoji'>{emoji}</Text>
      <Text className='state-view__title'>{title}</Text>
      {description ? <Text className='state-view__description'>{description}</Text> : null}
      {action ? (
        <Button className='state-view__action' type='primary' loading={action.pending ?? false} onClick={action.onClick}>
          {action.text}
        </Button>
      ) : null}
    </View>
  );
}

/** A failed load: the mapped Chinese message and a retry. */
export function ErrorView({ message, onRetry }: { message: string; onRetry(): void }): JSX.Element {
  return <StateView emoji='🍰' title='加载失败' description={message} action={{ text: '重新加载', onClick: onRetry }} />;
}

export function EmptyView({ title, description }: { title: string; description?: string }): JSX.Element {
  return <StateView emoji='🧁' title={title} description={description} />;
}

/** After logging out or deleting the account: nothing happens until the member logs in again. */
export function SignedOutView({ pending, onSignIn }: { pending: boolean; onSignIn(): void }): JSX.Element {
  return (
    <View>
      <StateView
        emoji='🎂'
        title='你已退出登录'
        description='登录后查看你的会员等级、积分和生日礼'
        action={{ text: '微信一键登录', pending, onClick: onSignIn }}
      />
      <JoinTerms action='登录' />
    </View>
  );
}
