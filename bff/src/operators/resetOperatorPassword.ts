import { isValidObjectId } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { notFound } from '../errors/AppError';
import { OperatorModel, type Operator } from './Operator.model';
import { revokeAllSessions } from './operatorSessions';
import { generateOneTimePassword, hashPassword, type PasswordCost } from './passwords';

/** An admin hands an operator a one-time password: their sessions end and two-factor must be set up again. */
export async function resetOperatorPassword(
  input: { id: string; reason: string },
  audit: AuditContext,
  cost: PasswordCost,
): Promise<{ operator: Operator; password: string }> {
  if (!isValidObjectId(input.id)) throw notFound();
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
