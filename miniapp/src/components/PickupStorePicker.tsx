import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { distanceText, type MemberStore } from '@cakeday/shared';
import { useStores } from '../hooks/useStores';
import { ariaControl, ariaRole } from './ariaControl';
import { CardSkeleton } from './CardSkeleton';
import { RemoteView } from './RemoteView';
import './PickupStorePicker.scss';

interface PickupStorePickerProps {
  selectedId: string | null;
  onSelect(store: MemberStore): void;
}

function hoursText(store: MemberStore): string {
  return store.openingHours ? `${store.openingHours.opens}–${store.openingHours.closes}` : '营业时间请致电门店';
}

interface StoreChoiceProps {
  store: MemberStore;
  selected: boolean;
  onSelect(store: MemberStore): void;
}

/** One store as a radio named by the store (○/● is only the look); the whole row is the tap target. */
function StoreChoice({ store, selected, onSelect }: StoreChoiceProps): JSX.Element {
  const choose = (): void => onSelect(store);
  return (
    <View
      className={`pickup-stores__store${selected ? ' pickup-stores__store--selected' : ''}`}
      {...ariaControl('radio', false, choose)}
      aria-checked={selected}
      aria-label={store.name}
      onClick={choose}
    >
      <Text className='pickup-stores__name'>
        <Text className='pickup-stores__mark' aria-hidden>
          {selected ? '●' : '○'}
        </Text>
        {store.name}
      </Text>
      <Text className='pickup-stores__line'>
        {hoursText(store)} · {store.address || '地址待补充'}
        {store.distanceMeters !== null ? ` · 距你 ${distanceText(store.distanceMeters)}` : ''}
      </Text>
    </View>
  );
}

/** Checkout of a pickup item: the stores that offer pickup, nearest first once the member shares where they are. */
export function PickupStorePicker({ selectedId, onSelect }: PickupStorePickerProps): JSX.Element {
  const stores = useStores({ loadOnMount: true });
  return (
    <View className='pickup-stores'>
      <View className='pickup-stores__bar'>
        <Text className='pickup-stores__title'>自提门店</Text>
        {stores.located === true ? (
          <Text className='pickup-stores__hint'>已按距离由近到远排列</Text>
        ) : (
          <Button size='small' fill='outline' loading={stores.sortByDistance.pending} onClick={() => void stores.sortByDistance.run()}>
            离我最近
          </Button>
        )}
      </View>
      <RemoteView remote={stores} skeleton={<CardSkeleton cards={1} />}>
        {({ stores: list }) => {
          const pickup = list.filter((store) => store.offersPickup);
          if (pickup.length === 0) return <Text className='pickup-stores__hint'>暂无可自提的门店</Text>;
          return (
            <View {...ariaRole('radiogroup')} aria-label='自提门店'>
              {pickup.map((store) => (
                <StoreChoice key={store.id} store={store} selected={store.id === selectedId} onSelect={onSelect} />
              ))}
            </View>
          );
        }}
      </RemoteView>
    </View>
  );
}
