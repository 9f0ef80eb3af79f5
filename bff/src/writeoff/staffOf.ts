import { forbidden } from '../errors/AppError';
import type { Principal } from '../http/context';
import { StaffAllowanceModel } from './StaffAllowance.model';
import { StoreModel, type Store } from './Store.model';

export interface StaffMember {
  memberId: string;
  name: string;
  store: Store;
}

/** The caller's active allowance and store, or null. */
export async function findStaff(principal: Principal): Promise<StaffMember | null> {
  const allowance = await StaffAllowanceModel.findOne({ openid: principal.openid, active: true }).lean();
  if (!allowance) return null;
  const store = await StoreModel.findById(allowance.storeId).lean();
  return store ? { memberId: principal.memberId, name: allowance.name, store } : null;
}

export async function requireStaff(principal: Principal | undefined): Promise<StaffMember> {
  const staff = principal ? await findStaff(principal) : null;
  if (!staff) throw forbidden();
  return staff;
}
