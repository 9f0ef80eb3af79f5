import { isValidObjectId, Types } from 'mongoose';
import { validationFailed } from '../errors/AppError';

/** Where a page ended: the sort value (a time in ms, or a 热门 score) and the id that breaks ties. */
export interface FeedCursor {
  value: number;
  id: Types.ObjectId;
}

export function encodeCursor(cursor: { value: number; id: Types.ObjectId }): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id.toHexString()])).toString('base64url');
}

export function decodeCursor(cursor: string | null): FeedCursor | null {
  if (cursor === null) return null;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof value === 'number' && Number.isFinite(value) && typeof id === 'string' && isValidObjectId(id)) return { value, id: new Types.ObjectId(id) };
  } catch {
    // falls through to the refusal
  }
  throw validationFailed([{ path: 'cursor', message: '无效的分页位置' }]);
}

/** After `cursor` in a descending (or ascending) order on `field`, ties broken by `_id` the same way. */
export function afterCursor(field: string, cursor: FeedCursor | null, direction: 'desc' | 'asc', asDate: boolean): Record<string, unknown> {
  if (!cursor) return {};
  const op = direction === 'desc' ? '$lt' : '$gt';
  const value = asDate ? new Date(cursor.value) : cursor.value;
  return { $or: [{ [field]: { [op]: value } }, { [field]: value, _id: { [op]: cursor.id } }] };
}
