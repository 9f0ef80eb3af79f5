import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CardSkeleton } from '../../components/CardSkeleton';
import { RemoteView } from '../../components/RemoteView';
import { EmptyView } from '../../components/StateViews';
import { StoreCard } from '../../components/StoreCard';
import { useStores } from '../../hooks/useStores';
import './index.scss';

/** 门店: every store still trading; nearest first once the member shares where they are (only when they tap). */
export function StoresPage(): JSX.Element {
  const stores = useStores();
  const sorted = stores.located === true;
  return (
    <View className='stores'>
      <View className='stores__bar'>
        <Text className='stores__hint'>
          {sorted ? '已按距离由近到远排列' : stores.located === false ? '未获得位置，按门店编号排列' : '门店按编号排列'}
        </Text>
        {sorted ? null : (
          <Button size='small' fill='outline' loading={stores.sortByDistance.pending} onClick={() => void stores.sortByDistance.run()}>
            离我最近
          </Button>
        )}
      </View>
      <RemoteView remote={stores} skeleton={<CardSkeleton cards={2} />}>
        {({ stores: list }) =>
          list.length === 0 ? <EmptyView title='暂无营业中的门店' description='新门店开业后会显示在这里' /> : list.map((store) => <StoreCard key={store.id} store={store} />)
        }
      </RemoteView>
    </View>
  );
}

export default StoresPage;
