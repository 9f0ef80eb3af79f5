import { isValidObjectId } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { AppError, notFound } from '../errors/AppError';
import { OperatorModel, type Operator } from './Operator.model';
import { revokeAllSessions } from './operatorSessions';
import { generateOneTimePassword, hashPassword, type PasswordCost } from './passwords';

/**
 * An admin hands another operator a one-time password: their sessions end and two-factor must be set up again.
 * Never their own (OPS_OPERATOR_SELF): that would end their own session and turn off their two-factor without the
 * current password, which a stolen session must not be able to do; their own password changes by ops.changePassword.
 */
export async function resetOperatorPassword(
  input: { id: string; reason: string },
  actorId: string,
  audit: AuditContext,
  cost: PasswordCost,
): Promise<{ operator: Operator; password: string }> {
  if (!isValidObjectId(input.id)) throw notFound();
  if (input.id === actorId) throw new AppError(422, 'OPS_OPERATOR_SELF');
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password, cost);
  const operator = await audited(
    audit,
    { action: 'ops.operators.resetPassword', subject: { type: 'Operator', id: input.id }, after: { mustChangePassword: true, totpEnabled: false }, reason: input.reason },
    async (entry) => {
      const written = await OperatorModel.findOneAndUpdate(
        { _id: input.id },
        {
          $set: { passwordHash, mustChangePassword: true, totp: { secretEncrypted: null, enabled: false, lastUsedStep: 0 }, failedLogins: 0, lockedUntil: null, updatedAt: audit.now },
          $inc: { version: 1 },
          $push: auditSeqPush(entry._id),
        },
        { returnDocument: 'after' },
      ).lean();
      if (!written) throw notFound();
      return written;
    },
  );
  await revokeAllSessions(operator._id, audit.now);
  return { operator, password };
}
