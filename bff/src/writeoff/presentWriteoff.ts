import { toBusinessIso, type WriteoffRecord as WriteoffRecordView } from '@cakeday/shared';
import type { WriteoffRecord } from './WriteoffRecord.model';

export function presentWriteoff(record: WriteoffRecord): WriteoffRecordView {
  return {
    id: record._id.toHexString(),
    subject: { kind: record.subjectKind, id: record.subjectId.toHexString(), title: record.title, detail: record.detail, memberName: record.memberName },
    store: { id: record.storeId.toHexString(), code: record.storeCode, name: record.storeName },
    staffName: record.staffName,
    at: toBusinessIso(record.at),
  };
}
