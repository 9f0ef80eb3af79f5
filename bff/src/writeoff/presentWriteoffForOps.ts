import { maskName, toBusinessIso, type OpsWriteoff } from '@cakeday/shared';
import type { WriteoffRecord } from './WriteoffRecord.model';

/** A write-off record for ops: the member's name masked (the record keeps a copy of their nickname). */
export function presentWriteoffForOps(record: WriteoffRecord): OpsWriteoff {
  return {
    id: record._id.toHexString(),
    subject: { kind: record.subjectKind, id: record.subjectId.toHexString(), title: record.title, detail: record.detail, memberName: maskName(record.memberName) },
    memberId: record.memberId.toHexString(),
    store: { id: record.storeId.toHexString(), code: record.storeCode, name: record.storeName },
    staffMemberId: record.staffMemberId.toHexString(),
    staffName: record.staffName,
    at: toBusinessIso(record.at),
  };
}
