import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { atVersion, versionOf } from '../db/versioned';
import { conflict } from '../errors/AppError';
import { loadMallItem } from './listMallItemsForOps';
import { MallItemModel, type MallItem } from './MallItem.model';

export interface StockAdjustment {
  id: string;
  version: number;
  delta: number;
  reason: string;
}

/** Test seam: runs between loading the item and writing the change (members may redeem in between). */
export interface StockAdjustmentFaults {
  afterLoad?: () => Promise<void>;
}

/**
 * Adds or removes units by a delta with one conditional `$inc`: members' orders reserve and release stock at the
 * same time (orders/orderSteps.ts), so the number read here is never written back. A removal applies only while at
 * least that many units are left (409 OPS_STOCK_NEGATIVE), so stock never goes below zero and nothing reserved is
 * taken back. The item's version guards against a double submit (409 STALE_VERSION) and moves with each change.
 */
export async function adjustMallItemStock(input: StockAdjustment, audit: AuditContext, faults: StockAdjustmentFaults = {}): Promise<MallItem> {
  const current = await loadMallItem(input.id);
  if (versionOf(current) !== input.version) throw conflict('STALE_VERSION');
  if (current.stock + input.delta < 0) throw conflict('OPS_STOCK_NEGATIVE');
  await faults.afterLoad?.();
  const intent = { before: { stock: current.stock }, after: { stock: current.stock + input.delta, delta: input.delta } };
  return audited(audit, { action: 'ops.mallItems.adjustStock', subject: { type: 'MallItem', id: input.id }, ...intent, reason: input.reason }, async (entry) => {
    const enough = input.delta < 0 ? { stock: { $gte: -input.delta } } : {};
    const written = await MallItemModel.findOneAndUpdate(
      { _id: current._id, version: atVersion(input.version), ...enough },
      { $inc: { stock: input.delta, version: 1 }, $set: { updatedAt: audit.now }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (written) return written;
    const now = await loadMallItem(input.id);
    throw conflict(versionOf(now) !== input.version ? 'STALE_VERSION' : 'OPS_STOCK_NEGATIVE');
  });
}
