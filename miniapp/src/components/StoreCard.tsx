import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { distanceText, type MemberStore } from '@cakeday/shared';
import { callStore, openStoreMap } from '../platform/storeActions';
import './StoreCard.scss';

function openState(store: MemberStore): { text: string; open: boolean } | null {
  if (store.openNow === null) return null;
  return store.openNow ? { text: '营业中', open: true } : { text: '已打烊', open: false };
}

/** One store: name, open now, hours, address, distance; call and map when it has a phone and a location. */
export function StoreCard({ store }: { store: MemberStore }): JSX.Element {
  const state = openState(store);
  const location = store.location;
  return (
    <View className='store-card' role='group' aria-label={store.name}>
      <View className='store-card__header'>
        <Text className='store-card__name'>{store.name}</Text>
        {state ? <Text className={`store-card__state store-card__state--${state.open ? 'open' : 'closed'}`}>{state.text}</Text> : null}
      </View>
      <Text className='store-card__line'>
        营业时间：{store.openingHours ? `${store.openingHours.opens}–${store.openingHours.closes}` : '请致电门店咨询'}
      </Text>
      <Text className='store-card__line'>
        {store.address || '地址待补充'}
        {store.distanceMeters !== null ? ` · 距你 ${distanceText(store.distanceMeters)}` : ''}
      </Text>
      <View className='store-card__actions'>
        {store.phone ? (
          <Button size='large' fill='outline' onClick={() => void callStore(store.phone ?? '')} aria-label={`拨打 ${store.name} 电话 ${store.phone}`}>
            📞 {store.phone}
          </Button>
        ) : null}
        {location ? (
          <Button size='large' type='primary' onClick={() => void openStoreMap({ name: store.name, address: store.address, location })}>
            地图导航
          </Button>
        ) : null}
      </View>
    </View>
  );
}
