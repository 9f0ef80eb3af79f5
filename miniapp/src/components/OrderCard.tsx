import { Text, View } from '@tarojs/components';
import { type Order } from '@cakeday/shared';
import { formatBusinessDateTime } from '../format/dates';
import { ItemCover } from './ItemCover';
import './OrderCard.scss';

interface OrderCardProps {
  order: Order;
  onOpen(): void;
}

/** An order in the list: what, how much, its state in Chinese. */
export function OrderCard({ order, onOpen }: OrderCardProps): JSX.Element {
  return (
    <View className='order-card' onClick={onOpen}>
      <View className='order-card__header'>
        <Text className='order-card__time'>{formatBusinessDateTime(order.createdAt)}</Text>
        <Text className={`order-card__status order-card__status--${order.statusTone}`}>{order.statusLabel}</Text>
      </View>
      <View className='order-card__main'>
        <View className='order-card__cover'>
          <ItemCover src={order.item.coverImage} kind={order.item.kind} title={order.item.title} size='small' />
        </View>
        <View className='order-card__body'>
          <Text className='order-card__title'>
            {order.gift?.received ? '🎁 ' : ''}
            {order.item.title}
          </Text>
          <Text className='order-card__qty'>× {order.qty}</Text>
          <Text className='order-card__price'>{order.priceText}</Text>
          {order.pickup && order.actions.canShowQr ? <Text className='order-card__qty'>{order.pickup.deadlineText}</Text> : null}
        </View>
      </View>
    </View>
  );
}
