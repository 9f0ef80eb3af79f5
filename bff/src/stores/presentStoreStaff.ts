import { maskIdentifier, maskName, toBusinessIso, type OpsStoreStaff } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { versionOf } from '../db/versioned';
import { MemberModel } from '../members/Member.model';
import type { StaffAllowance } from '../writeoff/StaffAllowance.model';
import { StoreModel, type Store } from '../writeoff/Store.model';

/** Staff as ops see them: the member's nickname and openid masked; the work name the store gave them as is. */
export async function presentStoreStaff(allowances: StaffAllowance[]): Promise<OpsStoreStaff[]> {
  const storeIds = [...new Set(allowances.map((allowance) => allowance.storeId.toHexString()))];
  const memberIds = allowances.map((allowance) => allowance.memberId).filter((id): id is Types.ObjectId => Boolean(id));
  const [stores, members] = await Promise.all([
    StoreModel.find({ _id: { $in: storeIds } }, { code: 1, name: 1 }).lean(),
    MemberModel.find({ _id: { $in: memberIds } }, { nickname: 1 }).lean(),
  ]);
  const storeById = new Map<string, Pick<Store, 'code' | 'name'>>(stores.map((store) => [store._id.toHexString(), store]));
  const nicknameById = new Map(members.map((member) => [member._id.toHexString(), member.nickname]));
  return allowances.map((allowance) => {
    const store = storeById.get(allowance.storeId.toHexString());
    const nickname = allowance.memberId ? (nicknameById.get(allowance.memberId.toHexString()) ?? null) : null;
    return {
      id: allowance._id.toHexString(),
      store: { id: allowance.storeId.toHexString(), code: store?.code ?? '', name: store?.name ?? '' },
      memberId: allowance.memberId?.toHexString() ?? null,
      memberNickname: nickname ? maskName(nickname) : null,
      openid: maskIdentifier(allowance.openid),
      name: allowance.name,
      active: allowance.active,
      createdAt: toBusinessIso(allowance.createdAt),
      deactivatedAt: allowance.deactivatedAt ? toBusinessIso(allowance.deactivatedAt) : null,
      version: versionOf(allowance),
    };
  });
}
