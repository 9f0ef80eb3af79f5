import { isDuplicateKeyError } from '../db/duplicateKey';
import { SendRateWindowModel } from './SendRateWindow.model';

/** Tries before a contended second counts as full for this round (the next round asks again). */
const ATTEMPTS = 5;

/**
 * Up to `wanted` of the second's `perSecond` sends, shared by all instances: one conditional update (upserting the
 * second's window) takes them all when they fit; when they do not, what is left of the second is read and asked for.
 * Resolves to how many were taken (0: the second is full).
 */
export async function takeSendSlots(now: Date, perSecond: number, wanted: number): Promise<number> {
  const second = Math.floor(now.getTime() / 1000);
  let asking = Math.min(wanted, perSecond);
  for (let attempt = 0; attempt < ATTEMPTS && asking > 0; attempt += 1) {
    try {
      const taken = await SendRateWindowModel.updateOne({ _id: second, count: { $lte: perSecond - asking } }, { $inc: { count: asking } }, { upsert: true });
      if (taken.modifiedCount === 1 || taken.upsertedCount === 1) return asking;
    } catch (error) {
      // The window exists and has less room than asked (or a racing first take created it): see what is left.
      if (!isDuplicateKeyError(error)) throw error;
    }
    const window = await SendRateWindowModel.findById(second, { count: 1 }).lean();
    asking = Math.min(asking, perSecond - (window?.count ?? 0));
  }
  return 0;
}

/** Slots of the second taken and not used (the round ended early): back to the window for other workers. */
export async function returnSendSlots(now: Date, unused: number): Promise<void> {
  if (unused <= 0) return;
  await SendRateWindowModel.updateOne({ _id: Math.floor(now.getTime() / 1000), count: { $gte: unused } }, { $inc: { count: -unused } });
}

/** One of the second's `perSecond` sends; false when the second is full. */
export async function takeSendSlot(now: Date, perSecond: number): Promise<boolean> {
  return (await takeSendSlots(now, perSecond, 1)) === 1;
}

/**
 * A round's send slots, taken from the shared window a batch at a time: when the round needs one and holds none, it
 * asks for as many as deliveries are left to send, and gives back what it did not use when the round ends.
 */
export class SendSlotHolder {
  private held = 0;

  constructor(
    private readonly now: Date,
    private readonly perSecond: number,
  ) {}

  /** One slot for the next send, `stillToSend` counting it: false when the second is full. */
  async take(stillToSend: number): Promise<boolean> {
    if (this.held === 0) this.held = await takeSendSlots(this.now, this.perSecond, Math.max(1, stillToSend));
    if (this.held === 0) return false;
    this.held -= 1;
    return true;
  }

  async giveBack(): Promise<void> {
    const unused = this.held;
    this.held = 0;
    await returnSendSlots(this.now, unused);
  }
}

export async function purgeSendRateWindows(now: Date): Promise<void> {
  await SendRateWindowModel.deleteMany({ _id: { $lt: Math.floor(now.getTime() / 1000) - 3600 } });
}
