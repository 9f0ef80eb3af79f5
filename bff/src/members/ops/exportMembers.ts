import { toBusinessIso, type OpsMembersExportRequest } from '@cakeday/shared';
import type { QueryFilter, Types } from 'mongoose';
import type { CsvExport } from '../../http/routeHandler';
import { MemberModel, type Member } from '../Member.model';
import { memberQuery } from './memberQuery';
import { presentMemberRows } from './presentMemberRow';

const BATCH = 500;
const statusNames = { active: '正常', deleted: '已注销' } as const;

/** The matching members as CSV, masked, oldest first, read in batches by id (never all in memory). */
export async function exportMembers(filters: OpsMembersExportRequest, hashKey: string, now: Date): Promise<CsvExport> {
  const query = memberQuery(filters, hashKey);
  const total = await MemberModel.countDocuments(query);
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['会员编号', '昵称', '手机号', '等级', '积分余额', '状态', '注册时间'];
    let after: Types.ObjectId | null = null;
    for (;;) {
      const page: QueryFilter<Member> = after ? { $and: [query, { _id: { $gt: after } }] } : query;
      const batch = await MemberModel.find(page)
        .sort({ _id: 1 })
        .limit(BATCH)
        .lean();
      for (const row of await presentMemberRows(batch)) {
        yield [row.id, row.nicknameMasked, row.phoneMasked, row.tierName, row.pointsBalance, statusNames[row.status], row.memberSince];
      }
      const last = batch[batch.length - 1];
      if (!last || batch.length < BATCH) return;
      after = last._id;
    }
  }
  return { filename: `members-${toBusinessIso(now).slice(0, 10)}.csv`, total, rows: rows() };
}
