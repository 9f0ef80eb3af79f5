import type { QueryFilter } from 'mongoose';
import { escapeRegex } from '../db/escapeRegex';
import { CouponTemplateModel, type CouponTemplate } from './CouponTemplate.model';

export async function listCouponTemplates(input: { page: number; pageSize: number; active?: boolean; query?: string }): Promise<{ items: CouponTemplate[]; total: number }> {
  const filter: QueryFilter<CouponTemplate> = {};
  if (input.active !== undefined) filter.active = input.active;
  if (input.query) {
    const pattern = new RegExp(escapeRegex(input.query), 'i');
    filter.$or = [{ title: pattern }, { code: pattern }];
  }
  const [items, total] = await Promise.all([
    CouponTemplateModel.find(filter).sort({ _id: 1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    CouponTemplateModel.countDocuments(filter),
  ]);
  return { items, total };
}

