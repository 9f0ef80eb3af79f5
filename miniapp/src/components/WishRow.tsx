import { type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { type Wish } from '@cakeday/shared';
import { Avatar } from './Avatar';
import { InReviewMark } from './InReviewMark';
import './WishRow.scss';

interface WishRowProps {
  wish: Wish;
  /** The owner's reorder/delete controls, or the friend's 送TA这个. */
  actions: ReactNode;
}

/** One wish: a mall item with its price, or a few words; its note; fulfilled or on its way. */
export function WishRow({ wish, actions }: WishRowProps): JSX.Element {
  const title = wish.item?.title ?? wish.text ?? '';
  return (
    <View className={`wish-row${wish.fulfilled ? ' wish-row--fulfilled' : ''}`}>
      <Text className='wish-row__index'>{wish.position + 1}</Text>
      <View className='wish-row__body'>
        <Text className='wish-row__title'>
          {title}
          {wish.inReview.includes('text') ? <InReviewMark /> : null}
        </Text>
        {wish.item ? (
          <Text className='wish-row__price'>
            {wish.item.priceText}
            {wish.item.onSale ? '' : ' · 已下架'}
          </Text>
        ) : null}
        {wish.note ? (
          <Text className='wish-row__note'>
            “{wish.note}”{wish.inReview.includes('note') ? <InReviewMark /> : null}
          </Text>
        ) : null}
        {wish.fulfilled ? (
          <View className='wish-row__state'>
            <Text>🎁 心愿已实现</Text>
            {wish.giver ? (
              <View className='wish-row__giver'>
                <Avatar person={wish.giver} size='small' />
                <Text>{wish.giver.nickname} 送出</Text>
              </View>
            ) : null}
          </View>
        ) : wish.giftPending ? (
          <Text className='wish-row__state'>好友正在送出…</Text>
        ) : null}
      </View>
      <View className='wish-row__actions'>{actions}</View>
    </View>
  );
}
