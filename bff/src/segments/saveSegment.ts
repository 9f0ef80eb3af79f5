import type { OpsSegmentsCreateRequest, OpsSegmentsUpdateRequest, SegmentConditions } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import type { OperatorRef } from '../campaigns/Campaign.model';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict, notFound } from '../errors/AppError';
import { SegmentModel, type Segment } from './Segment.model';

registerAuditSubject('Segment', carriesAuditSeq((filter) => SegmentModel.countDocuments(filter)));

const nameTaken = async <T>(write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict('SEGMENT_NAME_TAKEN');
    throw error;
  }
};

const snapshot = (segment: { name: string; conditions: SegmentConditions }) => ({ name: segment.name, conditions: segment.conditions });

/** A new segment; its name is unique among the active ones (409 SEGMENT_NAME_TAKEN). */
export async function createSegment(input: OpsSegmentsCreateRequest, operator: OperatorRef, audit: AuditContext): Promise<Segment> {
  const { reason, name, conditions } = input;
  if (await SegmentModel.exists({ nameKey: name })) throw conflict('SEGMENT_NAME_TAKEN');
  const id = new Types.ObjectId();
  return audited(audit, { action: 'ops.segments.create', subject: { type: 'Segment', id: id.toHexString() }, after: snapshot(input), reason }, async (entry) =>
    nameTaken(async () => {
      const created = await SegmentModel.create({ _id: id, name, nameKey: name, conditions, state: 'active', version: 0, createdBy: operator, createdAt: audit.now, updatedAt: audit.now, auditSeqs: [entry._id] });
      return created.toObject();
    }),
  );
}

/** An edit based on the version the operator loaded (409 STALE_VERSION otherwise). */
export async function updateSegment(input: OpsSegmentsUpdateRequest, audit: AuditContext): Promise<Segment> {
  const { id, version, name, conditions } = input;
  const current = await SegmentModel.findOne({ _id: new Types.ObjectId(id), state: 'active' }).lean();
  if (!current) throw notFound();
  if (current.version !== version) throw conflict('STALE_VERSION');
  if (name !== current.name && (await SegmentModel.exists({ nameKey: name }))) throw conflict('SEGMENT_NAME_TAKEN');
  return audited(audit, { action: 'ops.segments.update', subject: { type: 'Segment', id }, before: snapshot(current), after: snapshot(input) }, async (entry) => {
    const updated = await nameTaken(() =>
      SegmentModel.findOneAndUpdate(
        { _id: current._id, state: 'active', version },
        { $set: { name, nameKey: name, conditions, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
        { returnDocument: 'after' },
      ).lean(),
    );
    if (!updated) throw conflict('STALE_VERSION');
    return updated;
  });
}
