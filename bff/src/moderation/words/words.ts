import { toBusinessIso, type OpsCommunityWordsSaveRequest } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../../audit/auditOutcomes';
import { isDuplicateKeyError } from '../../db/duplicateKey';
import { escapeRegex } from '../../db/escapeRegex';
import { conflict, notFound } from '../../errors/AppError';
import { ModerationWordModel, type ModerationWord } from '../ModerationWord.model';
import { invalidateWordList } from '../wordList';

registerAuditSubject('ModerationWord', carriesAuditSeq((filter) => ModerationWordModel.countDocuments(filter)));

export const presentWord = (word: ModerationWord) => ({
  id: word._id.toHexString(),
  word: word.word,
  action: word.action,
  replacement: word.replacement,
  version: word.version,
  updatedAt: toBusinessIso(word.updatedAt),
});

export async function listWords(input: { query?: string; page: number; pageSize: number }) {
  const filter = { deletedAt: null, ...(input.query ? { word: new RegExp(escapeRegex(input.query)) } : {}) };
  const [words, total] = await Promise.all([
    ModerationWordModel.find(filter).sort({ word: 1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    ModerationWordModel.countDocuments(filter),
  ]);
  return { items: words.map(presentWord), total, page: input.page, pageSize: input.pageSize };
}

const editable = (word: Pick<ModerationWord, 'word' | 'action' | 'replacement'>) => ({ word: word.word, action: word.action, replacement: word.replacement });

/**
 * ops.community.words.save: adds a word (409 OPS_WORD_TAKEN if listed; a deleted one comes back) or edits the
 * version loaded (409 STALE_VERSION); audited; this instance checks texts with the new list at once, others within
 * seconds.
 */
export async function saveWord(input: OpsCommunityWordsSaveRequest, audit: AuditContext): Promise<ModerationWord> {
  const fields = { word: input.word, action: input.action, replacement: input.action === 'replace' ? input.replacement : null };
  const existing = input.id === undefined ? await ModerationWordModel.findOne({ word: input.word }).lean() : await ModerationWordModel.findById(input.id).lean();
  if (input.id !== undefined && !existing) throw notFound();
  if (input.id === undefined && existing && existing.deletedAt === null) throw conflict('OPS_WORD_TAKEN');
  if (input.id !== undefined && existing && existing.version !== input.version) throw conflict('STALE_VERSION');
  const id = existing?._id ?? new Types.ObjectId();
  const intent = { action: 'ops.community.words.save', subject: { type: 'ModerationWord', id: id.toHexString() }, before: existing && !existing.deletedAt ? editable(existing) : null, after: fields, reason: input.reason };
  const saved = await audited(audit, intent, async (entry) => {
    try {
      if (!existing) {
        const created = await ModerationWordModel.create({ _id: id, ...fields, deletedAt: null, version: 0, auditSeqs: [entry._id], createdAt: audit.now, updatedAt: audit.now });
        return created.toObject();
      }
      const written = await ModerationWordModel.findOneAndUpdate(
        { _id: id, version: existing.version },
        { $set: { ...fields, deletedAt: null, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
        { returnDocument: 'after' },
      ).lean();
      if (!written) throw conflict('STALE_VERSION');
      return written;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw conflict('OPS_WORD_TAKEN');
      throw error;
    }
  });
  invalidateWordList();
  return saved;
}

/** ops.community.words.delete: the word stops being checked (kept, marked deleted, so its audit entries resolve). */
export async function deleteWord(input: { id: string; version: number; reason: string }, audit: AuditContext): Promise<void> {
  const current = await ModerationWordModel.findOne({ _id: input.id, deletedAt: null }).lean();
  if (!current) throw notFound();
  if (current.version !== input.version) throw conflict('STALE_VERSION');
  await audited(audit, { action: 'ops.community.words.delete', subject: { type: 'ModerationWord', id: input.id }, before: editable(current), after: null, reason: input.reason }, async (entry) => {
    const written = await ModerationWordModel.updateOne(
      { _id: current._id, version: input.version, deletedAt: null },
      { $set: { deletedAt: audit.now, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
    );
    if (written.modifiedCount === 0) throw conflict('STALE_VERSION');
  });
  invalidateWordList();
}
