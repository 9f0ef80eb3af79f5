import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { JoinTerms } from './JoinTerms';
import './StateViews.scss';

interface StateAction {
  text: string;
  pending?: boolean;
  onClick(): void;
}

interface StateViewProps {
  emoji: string;
  title: string;
  description?: string;
  action?: StateAction;
  /** A second way on, drawn as an outline button under the first. */
  secondary?: StateAction;
}

/** A whole-page state: nothing yet, a failure, or logged out. Drawn locally, with no remote images. */
function StateView({ emoji, title, description, action, secondary }: StateViewProps): JSX.Element {
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
      {secondary ? (
        <Button className='state-view__action state-view__action--secondary' fill='outline' loading={secondary.pending ?? false} onClick={secondary.onClick}>
          {secondary.text}
        </Button>
      ) : null}
    </View>
  );
}

/** A failed load: the mapped Chinese message and a retry. */
export function ErrorView({ message, onRetry }: { message: string; onRetry(): void }): JSX.Element {
  return <StateView emoji='🍰' title='加载失败' description={message} action={{ text: '重新加载', onClick: onRetry }} />;
}

/** Nothing yet; `action` is the way on (去积分商城看看), never a dead end where one exists. */
export function EmptyView({ title, description, action }: { title: string; description?: string; action?: StateAction }): JSX.Element {
  return <StateView emoji='🧁' title={title} description={description} action={action} />;
}

/**
 * A friend's landing for a share that was turned off, has expired or never existed: what happened and a way on,
 * never 加载失败 · 重新加载.
 */
export function ShareGoneView(): JSX.Element {
  return (
    <StateView
      emoji='🎈'
      title='这个分享已经失效了'
      description='分享可能已被好友关闭、已过期，或链接不完整。去首页看看，也可以设置你自己的生日。'
      action={{ text: '我也要过生日', onClick: () => void Taro.navigateTo({ url: '/pages/birthday/index' }) }}
      secondary={{ text: '去首页', onClick: () => void Taro.switchTab({ url: '/pages/home/index' }) }}
    />
  );
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
