import type { MemberQueue } from '../points/memberQueue';
import type { SettingsSnapshot, SettingsSource } from '../settings/settingsSource';

/** The points where a crash can leave a purchase or a refund half way; tests throw there and let a retry finish. */
export type PosFaultPoint = 'recorded' | 'code_used' | 'coupons_written_off' | 'points_redeemed' | 'points_earned' | 'tier_written' | 'spend_recorded' | 'refund_claimed' | 'refund_points_clawed' | 'refund_points_returned' | 'refund_spend_recorded';

export interface PosContext {
  now: Date;
  /** In force now: the tier thresholds a purchase's spend is measured by. */
  settings: SettingsSnapshot;
  settingsSource: Pick<SettingsSource, 'at' | 'version'>;
  /** SESSION_SECRET: the member code's signing key is derived from it. */
  secret: string;
  /** DATA_HASH_KEY: the online shop's phone lookups go by the members' keyed phone hash. */
  hashKey: string;
  queue?: MemberQueue;
  /** Test seam: simulates a crash right after a step (the callback throws). Never set in production. */
  faults?: { after?: (point: PosFaultPoint) => void };
}

export const crashPoint = (context: PosContext, point: PosFaultPoint): void => context.faults?.after?.(point);
