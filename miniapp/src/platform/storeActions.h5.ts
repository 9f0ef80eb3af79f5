import { type GeoPoint } from '@cakeday/shared';

export async function callStore(phone: string): Promise<void> {
  window.open(`tel:${phone.replace(/[^0-9+]/g, '')}`, '_self');
}

/** A browser has no WeChat map: AMap's web marker (it takes GCJ-02, as stores are stored). */
export async function openStoreMap(store: { name: string; address: string; location: GeoPoint }): Promise<void> {
  const { latitude, longitude } = store.location;
  const query = new URLSearchParams({ position: `${longitude},${latitude}`, name: store.name, src: 'cakeday', coordinate: 'gaode', callnative: '0' });
  window.open(`https://uri.amap.com/marker?${query.toString()}`, '_blank', 'noopener');
}

export function currentPosition(): Promise<GeoPoint | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ latitude: position.coords.latitude, longitude: position.coords.longitude }),
      () => resolve(null),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  });
}
