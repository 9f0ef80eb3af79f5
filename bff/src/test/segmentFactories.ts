import type { LifecycleStage, RfmScores } from '@cakeday/shared';
import { MemberStatsModel } from '../analytics/MemberStats.model';
import type { Member } from '../members/Member.model';

/** The member's analytics stats as the segment job would have left them (stage and scores already computed). */
export async function buildMemberStats(member: Pick<Member, '_id' | 'createdAt'>, fields: { stage: LifecycleStage; r?: number; f?: number; m?: number; lastActiveAt?: Date | null; segmentedAt?: Date }): Promise<void> {
  const { r = 0, f = 0, m = 0 } = fields;
  const rfm: RfmScores = { recencyDays: r > 0 ? 10 : null, frequency: f, monetaryFen: m * 10_000, r, f, m };
  await MemberStatsModel.create({
    _id: member._id,
    joinedAt: member.createdAt,
    lastActiveAt: fields.lastActiveAt ?? null,
    purchases: [],
    activeDays: [],
    funnelSteps: [],
    applied: [],
    stage: fields.stage,
    rfm,
    segmentedAt: fields.segmentedAt ?? new Date(),
    segmentedWithVersion: 0,
    reviewAt: null,
  });
}
