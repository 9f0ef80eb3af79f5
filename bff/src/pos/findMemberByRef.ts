import { phoneLookupForms, type PosMemberRef } from '@cakeday/shared';
import type { QueryFilter } from 'mongoose';
import { AppError } from '../errors/AppError';
import type { IntegrationPrincipal } from '../http/context';
import { keyedHash } from '../members/personalDataCrypto';
import { MemberModel, type Member } from '../members/Member.model';

/**
 * The member the online shop names by openid, unionid or phone (looked up by our keyed hash; the number is neither
 * stored nor logged). A till scans the member code instead: 403 POS_ONLINE_ONLY.
 */
export async function findMemberByRef(ref: PosMemberRef, integration: IntegrationPrincipal, hashKey: string): Promise<Member> {
  if (integration.kind !== 'online') throw new AppError(403, 'POS_ONLINE_ONLY');
  let filter: QueryFilter<Member>;
  if ('openid' in ref) filter = { openid: ref.openid };
  else if ('unionid' in ref) filter = { unionid: ref.unionid };
  else filter = { phoneHash: { $in: phoneLookupForms(ref.phone).map((form) => keyedHash('phone', form, hashKey)) } };
  const member = await MemberModel.findOne({ ...filter, status: 'active' }).lean();
  if (!member) throw new AppError(422, 'POS_MEMBER_NOT_FOUND');
  return member;
}
