import { STORE_SCOPED_ROLES, type OperatorRole } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { audited, type AuditContext } from '../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { AppError, conflict } from '../errors/AppError';
import { StoreModel } from '../writeoff/Store.model';
import { OperatorModel, type Operator } from './Operator.model';
import { generateOneTimePassword, hashPassword, type PasswordCost } from './passwords';

registerAuditSubject('Operator', carriesAuditSeq((filter) => OperatorModel.countDocuments(filter)));

export interface NewOperator {
  loginName: string;
  displayName: string;
  roles: OperatorRole[];
  storeId: string | null;
  /** Given by the dev seed (documented passwords); otherwise a one-time password is generated. */
  password?: string;
  devSeeded?: boolean;
}

/** A store manager names an existing store; brand-wide roles alone name none. */
export async function checkedStoreId(roles: readonly OperatorRole[], storeId: string | null): Promise<Types.ObjectId | null> {
  const scoped = roles.some((role) => STORE_SCOPED_ROLES.includes(role));
  if (!scoped) return null;
  if (!storeId || !isValidObjectId(storeId)) throw new AppError(422, 'OPS_OPERATOR_STORE_REQUIRED');
  if (!(await StoreModel.exists({ _id: storeId }))) throw new AppError(422, 'OPS_STORE_NOT_FOUND');
  return new Types.ObjectId(storeId);
}

/** Creates an operator who must change the password at first login; returns the password to hand over once. */
export async function createOperator(
  input: NewOperator,
  audit: AuditContext,
  cost: PasswordCost,
): Promise<{ operator: Operator; password: string }> {
  const storeId = await checkedStoreId(input.roles, input.storeId);
  const password = input.password ?? generateOneTimePassword();
  const id = new Types.ObjectId();
  const roles = [...new Set(input.roles)];
  const operator = await audited(
    audit,
    {
      action: 'ops.operators.create',
      subject: { type: 'Operator', id: id.toHexString() },
      after: { loginName: input.loginName, displayName: input.displayName, roles, storeId: storeId?.toHexString() ?? null },
    },
    async (entry) => {
      try {
        const created = await OperatorModel.create({
          _id: id,
          loginName: input.loginName,
          displayName: input.displayName,
          roles,
          storeId,
          passwordHash: await hashPassword(password, cost),
          mustChangePassword: input.password === undefined,
          devSeeded: input.devSeeded ?? false,
          createdAt: audit.now,
          updatedAt: audit.now,
          auditSeqs: [entry._id],
        });
        return created.toObject();
      } catch (error) {
        if (isDuplicateKeyError(error)) throw conflict('OPS_OPERATOR_NAME_TAKEN');
        throw error;
      }
    },
  );
  return { operator, password };
}
