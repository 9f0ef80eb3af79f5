import { Types } from 'mongoose';
import { PointsEntryModel, type PointsEntry } from './PointsEntry.model';

/** Opaque to the client: `<createdAt ms>.<entry id>` of the last item of the previous page. */
function decodeCursor(cursor: string | undefined): { at: Date; id: Types.ObjectId } | null {
  const match = cursor ? /^(\d{1,15})\.([0-9a-f]{24})$/.exec(cursor) : null;
  if (!match?.[1] || !match[2]) return null;
  return { at: new Date(Number(match[1])), id: new Types.ObjectId(match[2]) };
}

const encodeCursor = (entry: PointsEntry): string => `${entry.createdAt.getTime()}.${entry._id.toHexString()}`;

/** The member's applied entries, newest first; entries that changed nothing (an empty expiry) are left out. */
export async function pointsHistory(
  memberId: string,
  page: { cursor?: string; limit: number },
): Promise<{ entries: PointsEntry[]; nextCursor: string | null }> {
  const after = decodeCursor(page.cursor);
  const entries = await PointsEntryModel.find({
    memberId: new Types.ObjectId(memberId),
    state: 'applied',
    delta: { $ne: 0 },
    ...(after ? { $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }] } : {}),
  })
    .sort({ createdAt: -1, _id: -1 })
    .limit(page.limit + 1)
    .lean();
  const pageEntries = entries.slice(0, page.limit);
  const last = pageEntries[pageEntries.length - 1];
  return { entries: pageEntries, nextCursor: entries.length > page.limit && last ? encodeCursor(last) : null };
}
