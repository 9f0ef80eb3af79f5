import type { ServerEventType } from '@cakeday/shared';
import { eventKey, recordEvent } from '../events/recordEvent';
import type { PointsEntry } from './PointsEntry.model';

/** Earning is what the programme issues; spending is what members redeem. Reversals, expiry and ops adjustments are neither. */
const EVENT_OF_KIND: Partial<Record<PointsEntry['kind'], ServerEventType>> = { earn: 'points.earned', spend: 'points.spent' };

/**
 * An applied entry's event, once (`points.earned:<entryId>`): recorded while the account still names the entry in
 * `pending`, so a crash before it leaves work the ledger repair finds and finishes (see ledger.ts).
 */
export async function recordPointsEvent(entry: PointsEntry, now: Date): Promise<void> {
  const type = EVENT_OF_KIND[entry.kind];
  const points = Math.abs(entry.delta ?? 0);
  if (!type || entry.state !== 'applied' || points === 0) return;
  const id = entry._id.toHexString();
  await recordEvent(
    {
      type,
      key: eventKey(type, id),
      at: entry.appliedAt ?? now,
      memberId: entry.memberId,
      subject: { type: 'points_entry', id },
      props: { points, reasonCode: entry.reasonCode },
    },
    now,
  );
}
