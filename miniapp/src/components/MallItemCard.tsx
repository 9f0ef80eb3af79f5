import { Text, View } from '@tarojs/components';
import { type MallItemSummary } from '@cakeday/shared';
import { ItemCover } from './ItemCover';
import './MallItemCard.scss';

interface MallItemCardProps {
  item: MallItemSummary;
  onOpen(): void;
}

/** One catalogue tile: picture, tier badge, price, and whether it can still be had. */
export function MallItemCard({ item, onOpen }: MallItemCardProps): JSX.Element {
  const muted = item.soldOut || !item.tierAllowed;
  return (
    <View className={`mall-item-card${muted ? ' mall-item-card--muted' : ''}`} onClick={onOpen}>
      <ItemCover src={item.imageUrl} kind={item.kind} title={item.title} size='small' />
      {item.tierBadge ? <Text className='mall-item-card__badge'>{item.tierBadge}</Text> : null}
      {item.soldOut ? <Text className='mall-item-card__sold-out'>已兑完</Text> : null}
      <View className='mall-item-card__body'>
        <Text className='mall-item-card__title'>{item.title}</Text>
        <Text className='mall-item-card__subtitle'>{item.subtitle}</Text>
        <Text className='mall-item-card__price'>{item.priceText}</Text>
      </View>
    </View>
  );
}
