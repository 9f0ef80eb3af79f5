import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { OperatorModel } from '../operators/Operator.model';
import type { Alert } from './Alert.model';
import { AlertNoticeModel } from './AlertNotice.model';

export const alertNoticeKey = (alertKey: string, operatorId: string): string => `${alertKey}:${operatorId}`;

/**
 * Queues one notice of an alert per on-duty operator (the roster in program settings) whose account is active: a
 * disabled operator, or an id no longer an operator, is told nothing. Upserts on the notice's unique key, so fanning
 * the same alert out again queues nobody twice.
 */
export async function queueAlertNotices(alert: Pick<Alert, '_id' | 'key'>, onDutyOperatorIds: readonly string[], now: Date): Promise<number> {
  if (onDutyOperatorIds.length === 0) return 0;
  const operators = await OperatorModel.find({ _id: { $in: onDutyOperatorIds.map((id) => new Types.ObjectId(id)) }, status: 'active' }, { _id: 1 }).lean();
  let queued = 0;
  for (const operator of operators) {
    const key = alertNoticeKey(alert.key, operator._id.toHexString());
    try {
      const written = await AlertNoticeModel.updateOne(
        { key },
        { $setOnInsert: { key, alertId: alert._id, operatorId: operator._id, state: 'queued', attempts: 0, nextAttemptAt: now, lastError: null, queuedAt: now, sentAt: null, readAt: null } },
        { upsert: true },
      );
      queued += written.upsertedCount;
    } catch (error) {
      // Two notifiers fanning the same alert out: the other one queued it.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return queued;
}
