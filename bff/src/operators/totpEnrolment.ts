import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { AppError, conflict, notFound } from '../errors/AppError';
import { decryptPersonalData, encryptPersonalData } from '../members/personalDataCrypto';
import { OperatorModel, type Operator } from './Operator.model';
import { generateTotpSecret, matchTotp, otpauthUri } from './totp';

const ISSUER = 'Cakeday 运营后台';

/**
 * Starts two-factor set-up: a new secret, stored encrypted but not yet in force; shown to the operator for their
 * authenticator app. Refused once two-factor is on (an admin resets it with the password).
 */
export async function startTotpEnrolment(operatorId: string, encryptionKey: string): Promise<{ secret: string; otpauthUri: string }> {
  const secret = generateTotpSecret();
  const written = await OperatorModel.findOneAndUpdate(
    { _id: operatorId, 'totp.enabled': false },
    { $set: { 'totp.secretEncrypted': encryptPersonalData(secret, encryptionKey) } },
    { returnDocument: 'after' },
  ).lean();
  if (!written) throw conflict();
  return { secret, otpauthUri: otpauthUri(secret, written.loginName, ISSUER) };
}

/** Turns two-factor on once the operator proves their app shows the same codes. */
export async function enableTotp(operatorId: string, code: string, encryptionKey: string, audit: AuditContext): Promise<Operator> {
  const operator = await OperatorModel.findById(operatorId).lean();
  if (!operator) throw notFound();
  if (operator.totp.enabled || !operator.totp.secretEncrypted) throw conflict();
  const secret = decryptPersonalData(operator.totp.secretEncrypted, encryptionKey);
  const step = matchTotp(secret, code, audit.now, operator.totp.lastUsedStep);
  if (step === null) throw new AppError(422, 'OPS_TOTP_SETUP_CODE_WRONG');
  return audited(audit, { action: 'ops.totp.enable', subject: { type: 'Operator', id: operatorId }, after: { totpEnabled: true } }, async (entry) => {
    const written = await OperatorModel.findOneAndUpdate(
      { _id: operator._id, 'totp.enabled': false, 'totp.secretEncrypted': operator.totp.secretEncrypted },
      { $set: { 'totp.enabled': true, 'totp.lastUsedStep': step, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!written) throw conflict();
    return written;
  });
}
