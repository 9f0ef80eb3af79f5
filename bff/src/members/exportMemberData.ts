import { membersExportResponse, toBusinessIso, type MembersExportResponse, type TierThresholds } from '@cakeday/shared';
import { Types } from 'mongoose';
import { exportSectionReaders } from '../privacy/exportSections';
import { personalDataHolders } from '../privacy/personalDataRegistry';
import { loadMember } from './loadMember';

/**
 * PIPL access request: every section the personal-data registry names, read for this member (the phone still
 * only masked, never openid or hashes). Parsing checks that the registry's sections make the whole export.
 */
export async function exportMemberData(
  memberId: string,
  context: { now: Date; thresholds: TierThresholds; dataKey: string },
): Promise<MembersExportResponse> {
  const member = await loadMember(memberId);
  const readContext = { ...context, member, memberId: new Types.ObjectId(memberId) };
  const sections = [...new Set(personalDataHolders.flatMap((holder) => holder.exportedIn))];
  const read = await Promise.all(sections.map(async (section) => [section, await exportSectionReaders[section](readContext)] as const));
  return membersExportResponse.parse({ exportedAt: toBusinessIso(context.now), ...Object.fromEntries(read) });
}
