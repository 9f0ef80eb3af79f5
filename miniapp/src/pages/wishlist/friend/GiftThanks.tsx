import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { type Order, type Person } from '@cakeday/shared';
import { Avatar } from '../../../components/Avatar';
import { formatBusinessDateTime } from '../../../format/dates';

interface GiftThanksProps {
  receipt: Order;
  owner: Person;
  onBack(): void;
}

/** After a paid gift: thanks, what was bought for whom (the friend's receipt), and the way to a wishlist of their own. */
export function GiftThanks({ receipt, owner, onBack }: GiftThanksProps): JSX.Element {
  const delivered = receipt.status === 'fulfilled';
  return (
    <View className='wishlist__card gift-thanks'>
      <Avatar person={owner} size='large' />
      <Text className='gift-thanks__title'>谢谢你的心意！</Text>
      <Text className='gift-thanks__lead'>
        {delivered ? `「${receipt.item.title}」已送到 ${owner.nickname} 的账户，TA会看到是你送的。` : `支付成功，「${receipt.item.title}」正在送往 ${owner.nickname} 的账户。`}
      </Text>
      <View className='gift-thanks__receipt' aria-label='送礼凭证'>
        <Text className='gift-thanks__line'>礼物：{receipt.item.title} × {receipt.qty}</Text>
        <Text className='gift-thanks__line'>实付：{receipt.priceText}</Text>
        <Text className='gift-thanks__line'>订单号：{receipt.orderNo}</Text>
        {receipt.paidAt ? <Text className='gift-thanks__line'>支付时间：{formatBusinessDateTime(receipt.paidAt)}</Text> : null}
        <Text className='gift-thanks__line'>状态：{delivered ? '已送达' : '处理中'}</Text>
      </View>
      <View className='gift-thanks__actions'>
        <Button block type='primary' onClick={() => void Taro.navigateTo({ url: '/pages/wishlist/index' })}>
          我也要一张心愿清单
        </Button>
        <Button block fill='outline' onClick={() => void Taro.navigateTo({ url: `/pages/orders/detail/index?id=${receipt.id}` })}>
          查看订单
        </Button>
        <Button block fill='none' onClick={onBack}>
          返回TA的心愿清单
        </Button>
      </View>
    </View>
  );
}
