import { isDuplicateKeyError } from '../db/duplicateKey';
import { SendRateWindowModel } from './SendRateWindow.model';

/** One of the second's `perSecond` sends, shared by all instances (one conditional update); false when the second is full. */
export async function takeSendSlot(now: Date, perSecond: number): Promise<boolean> {
  const second = Math.floor(now.getTime() / 1000);
  await SendRateWindowModel.updateOne({ _id: second }, { $setOnInsert: { count: 0 } }, { upsert: true }).catch((error: unknown) => {
    if (!isDuplicateKeyError(error)) throw error;
  });
  const taken = await SendRateWindowModel.updateOne({ _id: second, count: { $lt: perSecond } }, { $inc: { count: 1 } });
  return taken.modifiedCount === 1;
}

export async function purgeSendRateWindows(now: Date): Promise<void> {
  await SendRateWindowModel.deleteMany({ _id: { $lt: Math.floor(now.getTime() / 1000) - 3600 } });
}
