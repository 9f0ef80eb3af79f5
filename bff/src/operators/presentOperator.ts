import type { Operator as OperatorView, OpsSession } from '@cakeday/shared';
import { toBusinessIso } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { StoreModel } from '../writeoff/Store.model';
import type { Operator } from './Operator.model';

async function storeNames(ids: (Types.ObjectId | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is Types.ObjectId => id !== null);
  if (wanted.length === 0) return new Map();
  const stores = await StoreModel.find({ _id: { $in: wanted } }, { name: 1 }).lean();
  return new Map(stores.map((store) => [store._id.toHexString(), store.name]));
}

function view(operator: Operator, names: Map<string, string>): OperatorView {
  const storeId = operator.storeId?.toHexString() ?? null;
  return {
    id: operator._id.toHexString(),
    loginName: operator.loginName,
    displayName: operator.displayName,
    roles: operator.roles,
    storeId,
    storeName: storeId ? (names.get(storeId) ?? null) : null,
    status: operator.status,
    totpEnabled: operator.totp.enabled,
    lastLoginAt: operator.lastLoginAt ? toBusinessIso(operator.lastLoginAt) : null,
    createdAt: toBusinessIso(operator.createdAt),
    version: operator.version,
  };
}

/** The operator as ops see them: never the password hash or the two-factor secret. */
export async function presentOperators(operators: Operator[]): Promise<OperatorView[]> {
  const names = await storeNames(operators.map((operator) => operator.storeId));
  return operators.map((operator) => view(operator, names));
}

export async function presentOperator(operator: Operator): Promise<OperatorView> {
  const [presented] = await presentOperators([operator]);
  if (!presented) throw new Error('unreachable');
  return presented;
}

export async function presentSession(
  operator: Operator,
  session: { requires: OpsSession['requires']; idleExpiresAt: Date; expiresAt: Date },
): Promise<OpsSession> {
  return {
    operator: await presentOperator(operator),
    requires: session.requires,
    idleExpiresAt: toBusinessIso(session.idleExpiresAt),
    expiresAt: toBusinessIso(session.expiresAt),
  };
}
