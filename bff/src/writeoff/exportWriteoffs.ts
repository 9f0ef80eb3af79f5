import { maskName, toBusinessIso, type OpsWriteoffFilters } from '@cakeday/shared';
import type { Types } from 'mongoose';
import type { OperatorPrincipal } from '../http/context';
import type { CsvExport } from '../http/routeHandler';
import { writeoffQuery } from './listWriteoffsForOps';
import { WriteoffRecordModel, type WriteoffRecord } from './WriteoffRecord.model';

const BATCH = 500;
const KIND_LABELS: Record<WriteoffRecord['subjectKind'], string> = { coupon: '优惠券', order: '自提订单' };

/** The write-offs the operator may export (a store manager: their store), oldest first, member names masked. */
export async function exportWriteoffs(filters: OpsWriteoffFilters, operator: Pick<OperatorPrincipal, 'ability'>, now: Date): Promise<CsvExport> {
  const query = writeoffQuery(filters, operator, 'export') ?? { _id: null };
  const total = await WriteoffRecordModel.countDocuments(query);
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['核销时间', '门店编码', '门店', '类型', '内容', '明细', '会员', '会员ID', '店员', '记录ID'];
    let after: Types.ObjectId | null = null;
    for (;;) {
      const batch: WriteoffRecord[] = await WriteoffRecordModel.find(after ? { $and: [query, { _id: { $gt: after } }] } : query).sort({ _id: 1 }).limit(BATCH).lean();
      for (const record of batch) {
        yield [
          toBusinessIso(record.at),
          record.storeCode,
          record.storeName,
          KIND_LABELS[record.subjectKind],
          record.title,
          record.detail,
          maskName(record.memberName),
          record.memberId.toHexString(),
          record.staffName,
          record._id.toHexString(),
        ];
        after = record._id;
      }
      if (batch.length < BATCH) return;
    }
  }
  return { filename: `writeoffs-${toBusinessIso(now).slice(0, 10)}.csv`, total, rows: rows() };
}
