import { toBusinessIso, type PointsEntry as PointsEntryView } from '@cakeday/shared';
import type { PointsEntry } from './PointsEntry.model';

/** Entries that added a lot of points with an expiry of its own. */
export const formsLot = (entry: Pick<PointsEntry, 'kind' | 'direction'>): boolean =>
  entry.kind === 'earn' || (entry.kind === 'adjust' && entry.direction === 'credit');

/** The member's view of a ledger line: no keys, allocations or internal references. */
export function presentPointsEntry(entry: PointsEntry): PointsEntryView {
  return {
    id: entry._id.toHexString(),
    kind: entry.kind,
    delta: entry.delta ?? 0,
    reasonCode: entry.reasonCode,
    reason: entry.reason,
    at: toBusinessIso(entry.appliedAt ?? entry.createdAt),
    expiresAt: formsLot(entry) && entry.expiresAt ? toBusinessIso(entry.expiresAt) : null,
  };
}
