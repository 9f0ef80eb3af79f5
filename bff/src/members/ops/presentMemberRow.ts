import { maskName, tierNames, toBusinessIso, type OpsMemberRow } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { PointsAccountModel } from '../../points/PointsAccount.model';
import type { Member } from '../Member.model';

/** A member in an ops table: personal data masked, never the openid, unionid or hashes. */
export function presentMemberRow(member: Member, balance: number): OpsMemberRow {
  return {
    id: member._id.toHexString(),
    nicknameMasked: member.nickname ? maskName(member.nickname) : null,
    phoneMasked: member.phone?.masked ?? null,
    tier: member.tier.level,
    tierName: tierNames[member.tier.level],
    pointsBalance: balance,
    status: member.status,
    memberSince: toBusinessIso(member.createdAt),
  };
}

/** The rows of a page of members, with their balances read in one query. */
export async function presentMemberRows(members: Member[]): Promise<OpsMemberRow[]> {
  const ids: Types.ObjectId[] = members.map((member) => member._id);
  const accounts = await PointsAccountModel.find({ _id: { $in: ids } }, { balance: 1 }).lean();
  const balances = new Map(accounts.map((account) => [account._id.toHexString(), account.balance]));
  return members.map((member) => presentMemberRow(member, balances.get(member._id.toHexString()) ?? 0));
}
