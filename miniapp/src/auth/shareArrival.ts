import Taro from '@tarojs/taro';
import { parseShareScene, REFERRAL_CODE_PATTERN, SHARE_ID_PATTERN } from '@cakeday/shared';

const STORAGE_KEY = 'cakeday.shareArrival';

export interface ShareArrival {
  shareId: string;
  referralCode: string;
}

/** A landing page's query: `?sid=…&ref=…` from a shared card, or `?scene=…` from a poster's mini-program code. */
export function readShareParams(params: Record<string, string | undefined>): ShareArrival | null {
  const { sid, ref, scene } = params;
  if (sid && ref && SHARE_ID_PATTERN.test(sid) && REFERRAL_CODE_PATTERN.test(ref)) return { shareId: sid, referralCode: ref };
  if (!scene) return null;
  try {
    return parseShareScene(decodeURIComponent(scene));
  } catch {
    return null;
  }
}

function isShareArrival(value: unknown): value is ShareArrival {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ShareArrival>;
  return typeof candidate.shareId === 'string' && typeof candidate.referralCode === 'string';
}

/**
 * Remembers the share a person arrived through until their first login passes it to the BFF, which binds a
 * new member to the sharer. The first share wins, as on the BFF.
 */
export function rememberShareArrival(arrival: ShareArrival | null): void {
  if (!arrival || pendingShareArrival()) return;
  Taro.setStorageSync(STORAGE_KEY, arrival);
}

export function pendingShareArrival(): ShareArrival | null {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
  return isShareArrival(stored) ? stored : null;
}

/** After a login: the BFF has decided about the referral, whatever it decided. */
export function clearShareArrival(): void {
  Taro.removeStorageSync(STORAGE_KEY);
}
