import { isDuplicateKeyError } from '../db/duplicateKey';
import { AppError } from '../errors/AppError';
import { AuditEntryModel, AuditHeadModel, type AuditActor, type AuditEntry, type AuditRecord } from './AuditEntry.model';
import { auditHash, GENESIS_HASH, toAuditData } from './auditHash';

export interface AuditIntent {
  actor: AuditActor;
  action: string;
  subject: { type: string; id: string | null };
  /** Personal data must already be masked (maskPersonalData). */
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  requestId?: string | null;
  ip?: string | null;
}

/** Test seam: a crash between writing the entry and moving the head. */
export interface AuditFaults {
  afterEntryWritten?: () => void;
}

const MAX_ATTEMPTS = 200;

/** Jittered pause after losing a position, so that many appenders at once do not retry in lockstep. */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(25, 2 ** Math.min(attempt, 5));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

async function readHead(): Promise<{ seq: number; hash: string }> {
  const head = await AuditHeadModel.findById('head').lean();
  return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** Moves the head to `seq` if it is behind it; losing the race to another appender is fine. */
async function advanceHead(from: { seq: number; hash: string }, to: { seq: number; hash: string }): Promise<void> {
  if (from.seq === 0) {
    await AuditHeadModel.updateOne({ _id: 'head' }, { $setOnInsert: { seq: to.seq, hash: to.hash } }, { upsert: true }).catch((error: unknown) => {
      if (!isDuplicateKeyError(error)) throw error;
    });
  }
  await AuditHeadModel.updateOne({ _id: 'head', seq: from.seq }, { $set: { seq: to.seq, hash: to.hash } });
}

/**
 * Appends an entry to the chain, ahead of the change it records (outcome `pending`), and returns it.
 * Position `head + 1` is taken by inserting with that `_id` (unique), so two appenders can never both hold one
 * position; the loser re-reads the head. A crash between the insert and the head's move leaves the head behind:
 * the next appender finds the position taken, moves the head over it, and tries the next.
 * If the entry cannot be written the caller's change must not happen: this throws 503 AUDIT_UNAVAILABLE.
 */
export async function appendAudit(intent: AuditIntent, now: Date, faults: AuditFaults = {}): Promise<AuditEntry> {
  const record: AuditRecord = {
    at: now.toISOString(),
    actor: toAuditData(intent.actor) as AuditActor,
    action: intent.action,
    subject: { type: intent.subject.type, id: intent.subject.id },
    before: toAuditData(intent.before),
    after: toAuditData(intent.after),
    reason: intent.reason ?? null,
    requestId: intent.requestId ?? null,
    ip: intent.ip ?? null,
  };
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const head = await readHead();
      const seq = head.seq + 1;
      const hash = auditHash(head.hash, record);
      try {
        const created = await AuditEntryModel.create({ _id: seq, ...record, atDate: now, prevHash: head.hash, hash, outcome: 'pending', settledAt: null });
        faults.afterEntryWritten?.();
        await advanceHead(head, { seq, hash });
        return created.toObject();
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const taken = await AuditEntryModel.findById(seq, { hash: 1 }).lean();
        if (taken) await advanceHead(head, { seq, hash: taken.hash });
        await backoff(attempt);
      }
    }
    throw new Error(`audit: no free position after ${MAX_ATTEMPTS} attempts`);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(503, 'AUDIT_UNAVAILABLE', { cause: error, retryable: true });
  }
}

/** Records how the change ended; only a pending entry moves, once. */
export async function settleAudit(seq: number, outcome: 'applied' | 'failed', now: Date): Promise<void> {
  await AuditEntryModel.updateOne({ _id: seq, outcome: 'pending' }, { $set: { outcome, settledAt: now } });
}
