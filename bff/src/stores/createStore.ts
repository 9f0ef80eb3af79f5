import { Types } from 'mongoose';
import { audited, type AuditContext } from '../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict } from '../errors/AppError';
import { StoreModel, type Store } from '../writeoff/Store.model';

registerAuditSubject('Store', carriesAuditSeq((filter) => StoreModel.countDocuments(filter)));

export interface NewStore {
  code: string;
  name: string;
  address: string;
  phone: string | null;
  openingHours: { opens: string; closes: string } | null;
  location: { latitude: number; longitude: number } | null;
  offersPickup: boolean;
  reason?: string;
}

/** A new store, open; its code is unique (409 OPS_CODE_TAKEN). */
export async function createStore(input: NewStore, audit: AuditContext): Promise<Store> {
  const { reason, ...fields } = input;
  const id = new Types.ObjectId();
  return audited(audit, { action: 'ops.stores.create', subject: { type: 'Store', id: id.toHexString() }, after: fields, reason }, async (entry) => {
    try {
      const created = await StoreModel.create({ _id: id, ...fields, status: 'open', createdAt: audit.now, updatedAt: audit.now, version: 0, auditSeqs: [entry._id] });
      return created.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw conflict('OPS_CODE_TAKEN');
      throw error;
    }
  });
}
