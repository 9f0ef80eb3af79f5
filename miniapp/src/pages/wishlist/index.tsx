import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { CardSkeleton } from '../../components/CardSkeleton';
import { PosterPopup } from '../../components/PosterPopup';
import { RemoteView } from '../../components/RemoteView';
import { ShareButton } from '../../components/ShareButton';
import { ShareProfilePrompt } from '../../components/ShareProfilePrompt';
import { ToggleSwitch } from '../../components/ToggleSwitch';
import { EmptyView } from '../../components/StateViews';
import { WishRow } from '../../components/WishRow';
import { useWishlist, type Wishlist, type WishlistState } from '../../hooks/useWishlist';
import { AddWishForm } from './AddWishForm';
import './index.scss';

function WishlistEditor({ list, wishlist }: { list: Wishlist; wishlist: WishlistState }): JSX.Element {
  const last = list.wishes.length - 1;
  const [removing, setRemoving] = useState<string | null>(null);
  return (
    <>
      {list.share ? <ShareProfilePrompt /> : null}
      <View className='wishlist__card'>
        <View className='wishlist__row'>
          <View className='wishlist__row-text'>
            <Text className='wishlist__card-title'>分享给好友</Text>
            <Text className='wishlist__hint'>{list.shared ? '好友可以查看并送你清单里的心愿' : '默认仅自己可见'}</Text>
          </View>
          <ToggleSwitch checked={list.shared} label='分享给好友' disabled={wishlist.setShared.pending} onChange={(on) => void wishlist.setShared.run(on)} />
        </View>
        {list.share ? (
          <View className='wishlist__share'>
            <ShareButton path={list.share.path} text='分享心愿清单' />
            <Button block fill='outline' loading={wishlist.poster.open.pending} onClick={() => void wishlist.poster.open.run()}>
              生成海报
            </Button>
          </View>
        ) : null}
      </View>

      <View className='wishlist__card'>
        <Text className='wishlist__card-title'>
          我的心愿 {list.wishes.length}/{list.maxWishes}
        </Text>
        {list.wishes.length === 0 ? (
          <EmptyView
            title='还没有心愿'
            description='写下生日想要的礼物，或在积分商城把喜欢的商品加入心愿清单'
            action={{ text: '去积分商城看看', onClick: () => void Taro.switchTab({ url: '/pages/mall/index' }) }}
          />
        ) : (
          list.wishes.map((wish, index) => (
            <WishRow
              key={wish.id}
              wish={wish}
              actions={
                <>
                  <Text className={`wishlist__move${index === 0 ? ' wishlist__move--off' : ''}`} aria-label='上移' onClick={() => index > 0 && void wishlist.move.run(wish.id, -1)}>
                    ↑
                  </Text>
                  <Text className={`wishlist__move${index === last ? ' wishlist__move--off' : ''}`} aria-label='下移' onClick={() => index < last && void wishlist.move.run(wish.id, 1)}>
                    ↓
                  </Text>
                  {wish.fulfilled || wish.giftPending ? null : (
                    <Text className='wishlist__remove' onClick={() => setRemoving(wish.id)}>
                      删除
                    </Text>
                  )}
                </>
              }
            />
          ))
        )}
      </View>

      <AddWishForm wishlist={wishlist} full={list.wishes.length >= list.maxWishes} />

      <Dialog
        visible={removing !== null}
        title='删除这个心愿？'
        content='删除后好友将看不到它，可以再重新添加。'
        confirmText='删除'
        cancelText='保留'
        onConfirm={() => {
          if (removing) void wishlist.remove.run(removing);
          setRemoving(null);
        }}
        onCancel={() => setRemoving(null)}
      />

      <PosterPopup
        poster={wishlist.poster.poster}
        caption='微信扫码，看看我的生日心愿'
        saving={wishlist.poster.save.pending}
        onSave={() => void wishlist.poster.save.run()}
        onClose={wishlist.poster.close}
      />
    </>
  );
}

export function WishlistPage(): JSX.Element {
  const wishlist = useWishlist();
  useShareAppMessage(() => {
    const share = wishlist.data?.share;
    return share ? { title: share.title, path: share.path } : { title: 'Cakeday 生日会员', path: '/pages/home/index' };
  });
  return (
    <View className='wishlist'>
      <RemoteView remote={wishlist} skeleton={<CardSkeleton cards={3} />}>
        {(list) => <WishlistEditor list={list} wishlist={wishlist} />}
      </RemoteView>
    </View>
  );
}

export default WishlistPage;
