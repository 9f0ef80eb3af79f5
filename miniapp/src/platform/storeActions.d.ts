import { type GeoPoint } from '@cakeday/shared';

/**
 * Platform files: storeActions.weapp.ts uses WeChat's phone sheet, map (openLocation) and getLocation (GCJ-02);
 * storeActions.h5.ts uses a tel: link, a web map and the browser's geolocation.
 */
export declare function callStore(phone: string): Promise<void>;
export declare function openStoreMap(store: { name: string; address: string; location: GeoPoint }): Promise<void>;
/** Where the member is, or null when they decline or it is unavailable (never an error to show). */
export declare function currentPosition(): Promise<GeoPoint | null>;
