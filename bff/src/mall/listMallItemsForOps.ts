import type { OpsMallItemsListRequest } from '@cakeday/shared';
import { isValidObjectId, type QueryFilter } from 'mongoose';
import { notFound } from '../errors/AppError';
import { escapeRegex } from '../db/escapeRegex';
import { MallItemModel, type MallItem } from './MallItem.model';

/** The catalog as ops manage it: every item whatever its visibility, in the members' order. */
export async function listMallItemsForOps(input: OpsMallItemsListRequest): Promise<{ items: MallItem[]; total: number }> {
  const filter: QueryFilter<MallItem> = {};
  if (input.status) filter.status = input.status;
  if (input.kind) filter.kind = input.kind;
  if (input.query) {
    const pattern = new RegExp(escapeRegex(input.query), 'i');
    filter.$or = [{ title: pattern }, { code: pattern }];
  }
  const [items, total] = await Promise.all([
    MallItemModel.find(filter).sort({ sortOrder: 1, _id: 1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    MallItemModel.countDocuments(filter),
  ]);
  return { items, total };
}

export async function loadMallItem(id: string): Promise<MallItem> {
  const item = isValidObjectId(id) ? await MallItemModel.findById(id).lean() : null;
  if (!item) throw notFound();
  return item;
}
