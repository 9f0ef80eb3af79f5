import type { OperatorRole } from '@cakeday/shared';
import { OperatorModel, type Operator } from './Operator.model';

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function listOperators(input: {
  page: number;
  pageSize: number;
  query?: string;
  role?: OperatorRole;
  status?: 'active' | 'disabled';
}): Promise<{ items: Operator[]; total: number }> {
  const filter: Record<string, unknown> = {};
  if (input.query) {
    const pattern = new RegExp(escapeRegex(input.query), 'i');
    filter.$or = [{ loginName: pattern }, { displayName: pattern }];
  }
  if (input.role) filter.roles = input.role;
  if (input.status) filter.status = input.status;
  const [items, total] = await Promise.all([
    OperatorModel.find(filter).sort({ _id: 1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    OperatorModel.countDocuments(filter),
  ]);
  return { items, total };
}
