import { model, Schema } from 'mongoose';

/**
 * The declared fraud list: a keyed (salted) hash of each deleted member's openid, so that a deleted
 * account cannot farm new-member rewards by registering again. Holds nothing else about the person.
 */
export interface DeletedAccount {
  _id: string; // keyedHash('openid', openid)
  deletedAt: Date;
}

const deletedAccountSchema = new Schema<DeletedAccount>(
  { _id: { type: String, required: true }, deletedAt: { type: Date, required: true } },
  { collection: 'deleted_accounts', versionKey: false },
);

export const DeletedAccountModel = model<DeletedAccount>('DeletedAccount', deletedAccountSchema);
