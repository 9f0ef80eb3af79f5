import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { InboxMessageView } from '@cakeday/shared';
import { CardSkeleton } from '../../components/CardSkeleton';
import { EmptyView, ErrorView } from '../../components/StateViews';
import { useMessages } from '../../hooks/useMessages';
import './index.scss';

function MessageCard({ message, onOpen }: { message: InboxMessageView; onOpen(): void }): JSX.Element {
  return (
    <View className={`messages__card${message.read ? '' : ' messages__card--unread'}`} onClick={onOpen}>
      <Text className='messages__title'>{message.title}</Text>
      {message.lines.map((line) => (
        <View key={line.label} className='messages__line'>
          <Text className='messages__label'>{line.label}</Text>
          <Text>{line.value}</Text>
        </View>
      ))}
      <Text className='messages__time'>{message.createdAt.slice(0, 16).replace('T', ' ')}</Text>
    </View>
  );
}

/** 消息中心: every campaign message, whether or not WeChat's subscription card was sent too. */
export function MessagesPage(): JSX.Element {
  const messages = useMessages();
  const open = async (message: InboxMessageView): Promise<void> => {
    if (!message.read) await messages.markRead.run(message.id);
    void Taro.navigateTo({ url: `/${message.page}` });
  };
  if (messages.loading && !messages.data) return <CardSkeleton cards={3} />;
  if (messages.error && !messages.data) return <ErrorView message={messages.error.message} onRetry={() => void messages.reload()} />;
  const data = messages.data;
  if (!data || data.items.length === 0) return <EmptyView title='暂无消息' description='生日提醒、权益到期等消息会出现在这里' />;
  return (
    <View className='messages'>
      <View className='messages__toolbar'>
        <Text>{data.unreadCount > 0 ? `${data.unreadCount} 条未读` : '没有未读消息'}</Text>
        {data.unreadCount > 0 ? (
          <Button size='small' fill='none' loading={messages.markRead.pending} onClick={() => void messages.markRead.run()}>
            全部已读
          </Button>
        ) : null}
      </View>
      {data.items.map((message) => (
        <MessageCard key={message.id} message={message} onOpen={() => void open(message)} />
      ))}
    </View>
  );
}

export default MessagesPage;
