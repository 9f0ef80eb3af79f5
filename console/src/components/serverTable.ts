/** ProTable's paging params → the route table's `pageFields`. */
export function pageInput(params: { current?: number; pageSize?: number }): { page: number; pageSize: number } {
  return { page: params.current ?? 1, pageSize: params.pageSize ?? 20 };
}

/** A route's `pageOf` answer → what ProTable's `request` resolves with. */
export function tableData<T>(answer: { items: T[]; total: number }): { data: T[]; total: number; success: true } {
  return { data: answer.items, total: answer.total, success: true };
}

/** A search field's value as an optional filter: empty text and untouched selects send nothing. */
export function filterValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
