import type { OpsAbility } from '@cakeday/shared';
import type { AuditContext } from '../../audit/audited';
import type { SettingsSnapshot } from '../../settings/settingsSource';
import type { LedgerFaults } from '../ledger';
import type { MemberQueue } from '../memberQueue';
import type { OperatorRef } from './PointsAdjustment.model';

/** The points where a crash can leave an adjustment half way; tests throw there and let a retry or the repair finish. */
export type AdjustmentFaultPoint = 'limit_taken' | 'recorded' | 'approved' | 'posted';

/** What applying an approved adjustment needs (the repair job builds it without an operator). */
export interface ApplyContext {
  now: Date;
  settings: SettingsSnapshot;
  queue?: MemberQueue;
  /** Test seams, never set in production. */
  faults?: { after?: (point: AdjustmentFaultPoint) => void; ledger?: LedgerFaults };
}

/** An operator's request, approval or rejection. */
export interface AdjustmentContext extends ApplyContext {
  operator: OperatorRef & { ability: OpsAbility };
  audit: AuditContext;
}

export const crashPoint = (context: ApplyContext, point: AdjustmentFaultPoint): void => context.faults?.after?.(point);

/** The ledger entry of an adjustment: one per adjustment, whoever applies it and however often. */
export const adjustmentLedgerKey = (adjustmentId: string): string => `ops-adjust:${adjustmentId}`;
