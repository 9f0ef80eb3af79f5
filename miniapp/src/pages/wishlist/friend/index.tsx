import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { type Wish } from '@cakeday/shared';
import { Avatar } from '../../../components/Avatar';
import { CardSkeleton } from '../../../components/CardSkeleton';
import { RemoteView } from '../../../components/RemoteView';
import { EmptyView, ShareGoneView } from '../../../components/StateViews';
import { WishRow } from '../../../components/WishRow';
import { formatBirthday } from '../../../format/dates';
import { useFriendWishlist, type FriendWishlist, type FriendWishlistState } from '../../../hooks/useFriendWishlist';
import { useShareArrival } from '../../../hooks/useShareArrival';
import { GiftThanks } from './GiftThanks';
import '../index.scss';

function birthdayLine(view: FriendWishlist): string {
  if (!view.birthday) return '';
  const day = formatBirthday(view.birthday);
  if (view.daysUntilBirthday === 0) return `今天是TA的生日（${day}）`;
  return view.daysUntilBirthday === null ? `生日：${day}` : `生日：${day} · 还有 ${view.daysUntilBirthday} 天`;
}

function GiftAction({ wish, onGift }: { wish: Wish; onGift(): void }): JSX.Element | null {
  if (wish.fulfilled || wish.kind !== 'item') return null;
  if (!wish.giftable) return <Text className='wishlist__gift-off'>{wish.giftPending ? '好友送出中' : '暂不可送'}</Text>;
  return (
    <Text className='wishlist__gift' onClick={onGift}>
      送TA这个
    </Text>
  );
}

function FriendView({ view, state }: { view: FriendWishlist; state: FriendWishlistState }): JSX.Element {
  const [choosing, setChoosing] = useState<Wish | null>(null);
  if (state.receipt) return <GiftThanks receipt={state.receipt} owner={view.owner} onBack={state.closeReceipt} />;
  return (
    <>
      <View className='wishlist__owner'>
        <Avatar person={view.owner} size='large' />
        <Text className='wishlist__owner-name'>{view.owner.nickname} 的生日心愿</Text>
        <Text className='wishlist__owner-birthday'>{birthdayLine(view)}</Text>
      </View>
      {view.viewer.isOwner ? (
        <View className='wishlist__card'>
          <Text className='wishlist__hint'>这是你的心愿清单，好友打开后可以送你清单里的礼物。</Text>
          <Button block fill='outline' onClick={() => void Taro.navigateTo({ url: '/pages/wishlist/index' })}>
            编辑我的心愿
          </Button>
        </View>
      ) : null}
      <View className='wishlist__card'>
        {view.wishes.length === 0 ? (
          <EmptyView title='TA还没有写下心愿' />
        ) : (
          view.wishes.map((wish) => (
            <WishRow
              key={wish.id}
              wish={wish}
              actions={view.viewer.isOwner ? null : <GiftAction wish={wish} onGift={() => setChoosing(wish)} />}
            />
          ))
        )}
      </View>
      <Dialog
        visible={choosing !== null}
        title='送出生日礼物'
        content={choosing?.item ? `送出「${choosing.item.title}」，需支付 ${choosing.item.priceText}。礼物将直接发给 ${view.owner.nickname}。` : ''}
        confirmText={state.gift.pending ? '支付中…' : '去支付'}
        cancelText='再想想'
        onConfirm={() => {
          const wish = choosing;
          setChoosing(null);
          if (wish) void state.gift.run(wish.id);
        }}
        onCancel={() => setChoosing(null)}
      />
    </>
  );
}

export function FriendWishlistPage(): JSX.Element {
  const arrival = useShareArrival();
  const state = useFriendWishlist(arrival?.shareId ?? null);
  return (
    <View className='wishlist'>
      <RemoteView remote={state} notFound={<ShareGoneView />} skeleton={<CardSkeleton cards={2} />}>
        {(view) => <FriendView view={view} state={state} />}
      </RemoteView>
    </View>
  );
}

export default FriendWishlistPage;
