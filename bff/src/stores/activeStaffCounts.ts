import type { Types } from 'mongoose';
import { StaffAllowanceModel } from '../writeoff/StaffAllowance.model';

/** Active staff per store, for a page of stores (one aggregation). */
export async function activeStaffCounts(storeIds: Types.ObjectId[]): Promise<Map<string, number>> {
  if (storeIds.length === 0) return new Map();
  const rows = await StaffAllowanceModel.aggregate<{ _id: Types.ObjectId; count: number }>([
    { $match: { storeId: { $in: storeIds }, active: true } },
    { $group: { _id: '$storeId', count: { $sum: 1 } } },
  ]);
  return new Map(rows.map((row) => [row._id.toHexString(), row.count]));
}
