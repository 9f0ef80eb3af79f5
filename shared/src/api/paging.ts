import { z } from 'zod';

/** Ops tables page on the server: 1-based page numbers and a total for the pager. */
export const pageFields = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0), page: z.number().int(), pageSize: z.number().int() });
}
