import { type OpsCommunityTopicsSaveRequest } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../../audit/auditOutcomes';
import { isDuplicateKeyError } from '../../db/duplicateKey';
import { conflict, notFound, validationFailed } from '../../errors/AppError';
import { CommunityTopicModel, type CommunityTopic } from '../CommunityTopic.model';

registerAuditSubject('CommunityTopic', carriesAuditSeq((filter) => CommunityTopicModel.countDocuments(filter)));

export const presentTopicForOps = (topic: CommunityTopic) => ({
  id: topic._id.toHexString(),
  code: topic.code,
  name: topic.name,
  description: topic.description,
  active: topic.active,
  sort: topic.sort,
  version: topic.version,
});

export async function listTopicsForOps() {
  const topics = await CommunityTopicModel.find({}).sort({ sort: 1, code: 1 }).limit(500).lean();
  return { items: topics.map(presentTopicForOps) };
}

/**
 * ops.community.topics.save: a new topic (its code unique, 409 OPS_TOPIC_CODE_TAKEN) or an edit of the version loaded
 * (409 STALE_VERSION). The code is the topic's key in posts, so it never changes.
 */
export async function saveTopic(input: OpsCommunityTopicsSaveRequest, audit: AuditContext): Promise<CommunityTopic> {
  const fields = { name: input.name, description: input.description, active: input.active, sort: input.sort };
  if (input.id === undefined) {
    const id = new Types.ObjectId();
    return audited(audit, { action: 'ops.community.topics.save', subject: { type: 'CommunityTopic', id: id.toHexString() }, after: { code: input.code, ...fields }, reason: input.reason }, async (entry) => {
      try {
        const created = await CommunityTopicModel.create({ _id: id, code: input.code, ...fields, version: 0, auditSeqs: [entry._id], createdAt: audit.now, updatedAt: audit.now });
        return created.toObject();
      } catch (error) {
        if (isDuplicateKeyError(error)) throw conflict('OPS_TOPIC_CODE_TAKEN');
        throw error;
      }
    });
  }
  const current = await CommunityTopicModel.findById(input.id).lean();
  if (!current) throw notFound();
  if (current.code !== input.code) throw validationFailed([{ path: 'code', message: '话题编码创建后不能修改' }]);
  if (current.version !== input.version) throw conflict('STALE_VERSION');
  const before = { name: current.name, description: current.description, active: current.active, sort: current.sort };
  return audited(audit, { action: 'ops.community.topics.save', subject: { type: 'CommunityTopic', id: input.id }, before, after: fields, reason: input.reason }, async (entry) => {
    const saved = await CommunityTopicModel.findOneAndUpdate(
      { _id: current._id, version: input.version },
      { $set: { ...fields, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!saved) throw conflict('STALE_VERSION');
    return saved;
  });
}
