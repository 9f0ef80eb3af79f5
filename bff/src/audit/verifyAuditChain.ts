import { AuditEntryModel, AuditHeadModel } from './AuditEntry.model';
import { auditHash, GENESIS_HASH } from './auditHash';

export interface ChainVerdict {
  intact: boolean;
  entries: number;
  firstBroken: { seq: number; problem: string } | null;
}

const BATCH = 1000;

/**
 * Walks the chain from the first entry: positions without gaps, each entry's prevHash equal to the previous hash,
 * each hash recomputed from the stored record. Names the first entry where any of it fails.
 */
export async function verifyAuditChain(): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const batch = await AuditEntryModel.find({ _id: { $gte: expectedSeq } }).sort({ _id: 1 }).limit(BATCH).lean();
    for (const entry of batch) {
      const broken = (problem: string): ChainVerdict => ({ intact: false, entries: expectedSeq - 1, firstBroken: { seq: entry._id, problem } });
      if (entry._id !== expectedSeq) return { intact: false, entries: expectedSeq - 1, firstBroken: { seq: expectedSeq, problem: 'missing' } };
      if (entry.prevHash !== prevHash) return broken('link');
      if (auditHash(prevHash, entry) !== entry.hash) return broken('hash');
      prevHash = entry.hash;
      expectedSeq += 1;
    }
    if (batch.length < BATCH) break;
  }
  const head = await AuditHeadModel.findById('head').lean();
  const last = expectedSeq - 1;
  // The head may trail by an entry a crash left behind, never lead.
  if (head && head.seq > last) return { intact: false, entries: last, firstBroken: { seq: last + 1, problem: 'missing' } };
  return { intact: true, entries: last, firstBroken: null };
}
