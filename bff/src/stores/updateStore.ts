import type { OpsStoresUpdateRequest } from '@cakeday/shared';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { auditChanges } from '../audit/auditChanges';
import { atVersion, versionOf } from '../db/versioned';
import { conflict } from '../errors/AppError';
import { StoreModel, type Store } from '../writeoff/Store.model';
import { editableOfStore, loadStore } from './presentStoreForOps';

/**
 * Edits a store on top of the version the operator loaded (409 STALE_VERSION). The code stays: write-off records
 * carry it. Write-off records keep the store name they were made under.
 */
export async function updateStore(input: OpsStoresUpdateRequest, audit: AuditContext): Promise<Store> {
  const { id, version, reason, ...edit } = input;
  const current = await loadStore(id);
  if (versionOf(current) !== version) throw conflict('STALE_VERSION');
  const { before, after } = auditChanges(editableOfStore(current), edit);
  if (Object.keys(after).length === 0) return current;
  return audited(audit, { action: 'ops.stores.update', subject: { type: 'Store', id }, before, after, reason }, async (entry) => {
    const written = await StoreModel.findOneAndUpdate(
      { _id: current._id, version: atVersion(version) },
      { $set: { ...after, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!written) throw conflict('STALE_VERSION');
    return written;
  });
}
