import { maskName, toBusinessIso, type OpsMembersGetResponse, type TierThresholds } from '@cakeday/shared';
import { isValidObjectId } from 'mongoose';
import { consentStatuses } from '../../consents/consentState';
import { notFound } from '../../errors/AppError';
import { tierSummary } from '../../tiers/tierSummary';
import { MemberModel, type Member } from '../Member.model';
import { opsMemberCoupons, opsMemberOrders } from './opsMemberActivity';
import { opsMemberPoints } from './opsMemberPoints';
import { opsMemberHelpCampaigns, opsMemberReferrals } from './opsMemberRelations';

function opsProfile(member: Member): OpsMembersGetResponse['profile'] {
  return {
    id: member._id.toHexString(),
    nicknameMasked: member.nickname ? maskName(member.nickname) : null,
    phoneMasked: member.phone?.masked ?? null,
    birthday: member.birthday ? { month: member.birthday.month, day: member.birthday.day, yearKnown: Boolean(member.birthday.yearCiphertext) || typeof member.birthday.year === 'number' } : null,
    status: member.status,
    memberSince: toBusinessIso(member.createdAt),
    deletedAt: member.deletedAt ? toBusinessIso(member.deletedAt) : null,
    unionidLinked: Boolean(member.unionid),
  };
}

/** ops.members.get: one member's page for ops, personal data masked (deleted members too, anonymous). */
export async function describeMemberForOps(memberId: string, context: { now: Date; thresholds: TierThresholds }): Promise<OpsMembersGetResponse> {
  const member = isValidObjectId(memberId) ? await MemberModel.findById(memberId).lean() : null;
  if (!member) throw notFound();
  const id = member._id;
  const [tier, points, orders, coupons, consents, referrals, helpCampaigns] = await Promise.all([
    tierSummary(member, context),
    opsMemberPoints(id, context.now),
    opsMemberOrders(id),
    opsMemberCoupons(id, context.now),
    consentStatuses(id.toHexString()),
    opsMemberReferrals(id),
    opsMemberHelpCampaigns(id),
  ]);
  return {
    profile: opsProfile(member),
    tier: { ...tier, since: toBusinessIso(member.tier.since), reviewedAt: member.tier.reviewedAt ? toBusinessIso(member.tier.reviewedAt) : null },
    points,
    orders,
    coupons,
    consents: {
      statuses: consents.statuses,
      records: consents.records.map((record) => ({ purpose: record.purpose, action: record.action, version: record.version, at: toBusinessIso(record.at) })),
    },
    referrals,
    helpCampaigns,
  };
}
