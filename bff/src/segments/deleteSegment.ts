import type { CampaignState } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { CampaignModel } from '../campaigns/Campaign.model';
import { conflict, notFound } from '../errors/AppError';
import { SegmentModel } from './Segment.model';

/** Campaigns that still reach members: their audience must not disappear under them. */
const UNFINISHED: CampaignState[] = ['draft', 'pending_approval', 'approved', 'running', 'paused'];

/**
 * Deletes a segment no unfinished campaign uses (409 SEGMENT_IN_USE otherwise): it leaves `active` and frees its
 * name. A campaign created with it meanwhile is refused at save (the segment is gone: CAMPAIGN_SEGMENT_UNKNOWN).
 */
export async function deleteSegment(input: { id: string; version: number; reason?: string }, audit: AuditContext): Promise<{ ok: true }> {
  const current = await SegmentModel.findOne({ _id: new Types.ObjectId(input.id), state: 'active' }).lean();
  if (!current) throw notFound();
  if (current.version !== input.version) throw conflict('STALE_VERSION');
  if (await CampaignModel.exists({ 'audience.segment': input.id, state: { $in: UNFINISHED } })) throw conflict('SEGMENT_IN_USE');
  return audited(audit, { action: 'ops.segments.delete', subject: { type: 'Segment', id: input.id }, before: { name: current.name, conditions: current.conditions }, after: null, reason: input.reason }, async (entry) => {
    const deleted = await SegmentModel.updateOne(
      { _id: current._id, state: 'active', version: input.version },
      { $set: { state: 'deleted', nameKey: `${current.name}#${input.id}`, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
    );
    if (deleted.modifiedCount === 0) throw conflict('STALE_VERSION');
    return { ok: true as const };
  });
}
