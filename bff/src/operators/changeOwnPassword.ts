import { newPasswordSchema } from '@cakeday/shared';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { AppError, notFound, validationFailed } from '../errors/AppError';
import { OperatorModel, type Operator } from './Operator.model';
import { revokeAllSessions } from './operatorSessions';
import { hashPassword, verifyPassword, type PasswordCost } from './passwords';

/** The operator changes their password (the current one first); every other session of theirs ends. */
export async function changeOwnPassword(
  input: { operatorId: string; currentPassword: string; newPassword: string; sessionToken: string },
  audit: AuditContext,
  cost: PasswordCost,
): Promise<Operator> {
  if (!newPasswordSchema.safeParse(input.newPassword).success) throw validationFailed([{ path: 'newPassword', message: '密码不符合要求' }]);
  const current = await OperatorModel.findById(input.operatorId).lean();
  if (!current) throw notFound();
  if (!(await verifyPassword(input.currentPassword, current.passwordHash))) throw new AppError(422, 'OPS_PASSWORD_WRONG');
  const passwordHash = await hashPassword(input.newPassword, cost);
  const operator = await audited(
    audit,
    { action: 'ops.changePassword', subject: { type: 'Operator', id: input.operatorId }, after: { mustChangePassword: false } },
    async (entry) => {
      const written = await OperatorModel.findOneAndUpdate(
        { _id: current._id, passwordHash: current.passwordHash },
        { $set: { passwordHash, mustChangePassword: false, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
        { returnDocument: 'after' },
      ).lean();
      if (!written) throw new AppError(409, 'CONFLICT');
      return written;
    },
  );
  await revokeAllSessions(operator._id, audit.now, input.sessionToken);
  return operator;
}
