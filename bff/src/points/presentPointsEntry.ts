import { toBusinessIso, type PointsEntry as PointsEntryView } from '@cakeday/shared';
import type { PointsEntry } from './PointsEntry.model';

/** The member's view of a ledger line: no keys, allocations or internal references. */
export function presentPointsEntry(entry: PointsEntry): PointsEntryView {
  return {
    id: entry._id.toHexString(),
    kind: entry.kind,
    delta: entry.delta ?? 0,
    reasonCode: entry.reasonCode,
    reason: entry.reason,
    at: toBusinessIso(entry.appliedAt ?? entry.createdAt),
    expiresAt: entry.kind === 'earn' && entry.expiresAt ? toBusinessIso(entry.expiresAt) : null,
  };
}
