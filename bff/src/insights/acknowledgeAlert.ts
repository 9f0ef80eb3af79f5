import { isValidObjectId, Types } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import { conflict, notFound } from '../errors/AppError';
import { AlertModel, type Alert } from './Alert.model';

registerAuditSubject('Alert', carriesAuditSeq((filter) => AlertModel.countDocuments(filter)));

/** An operator acknowledges an open alert, on the version they saw (409 STALE_VERSION if it moved), audited. */
export async function acknowledgeAlert(input: { id: string; version: number }, operatorId: string, audit: AuditContext): Promise<Alert> {
  if (!isValidObjectId(input.id)) throw notFound();
  const current = await AlertModel.findById(input.id).lean();
  if (!current) throw notFound();
  if (current.version !== input.version || current.state !== 'open') throw conflict('STALE_VERSION');
  return audited(
    audit,
    { action: 'ops.insights.alertAcknowledge', subject: { type: 'Alert', id: input.id }, before: { state: 'open', key: current.key }, after: { state: 'acknowledged', key: current.key } },
    async (entry) => {
      const written = await AlertModel.findOneAndUpdate(
        { _id: current._id, version: input.version, state: 'open' },
        { $set: { state: 'acknowledged', acknowledgedAt: audit.now, acknowledgedBy: new Types.ObjectId(operatorId) }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
        { returnDocument: 'after' },
      ).lean();
      if (!written) throw conflict('STALE_VERSION');
      return written;
    },
  );
}
