import Taro from '@tarojs/taro';
import { type GeoPoint } from '@cakeday/shared';

export async function callStore(phone: string): Promise<void> {
  await Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}

export async function openStoreMap(store: { name: string; address: string; location: GeoPoint }): Promise<void> {
  await Taro.openLocation({ ...store.location, name: store.name, address: store.address, scale: 16 });
}

export async function currentPosition(): Promise<GeoPoint | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { latitude, longitude };
  } catch {
    return null;
  }
}
