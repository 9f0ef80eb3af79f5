import { createHash, randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import { OperatorSessionModel, type OperatorSession } from './OperatorSession.model';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A fresh random token for the cookie; only its digest is stored. */
export async function openSession(
  operatorId: Types.ObjectId,
  policy: SessionPolicy,
  now: Date,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: OperatorSession }> {
  const token = randomBytes(32).toString('base64url');
  const session = await OperatorSessionModel.create({
    _id: digest(token),
    operatorId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.absoluteMs),
    revokedAt: null,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 256) ?? null,
  });
  return { token, session: session.toObject() };
}

/** When the session lapses without activity: the idle limit, never past the absolute end. */
export function idleExpiry(session: Pick<OperatorSession, 'lastSeenAt' | 'expiresAt'>, policy: SessionPolicy): Date {
  return new Date(Math.min(session.lastSeenAt.getTime() + policy.idleMs, session.expiresAt.getTime()));
}

/** The live session for a cookie token, its activity noted; null when unknown, revoked, idle too long or past its end. */
export async function resumeSession(token: string, policy: SessionPolicy, now: Date): Promise<OperatorSession | null> {
  const session = await OperatorSessionModel.findById(digest(token)).lean();
  if (!session || session.revokedAt) return null;
  if (now >= session.expiresAt || now >= idleExpiry(session, policy)) return null;
  // Activity is written at most once a minute: a busy console does not write on every request.
  if (now.getTime() - session.lastSeenAt.getTime() < 60_000) return session;
  const touched = await OperatorSessionModel.findOneAndUpdate(
    { _id: session._id, revokedAt: null, lastSeenAt: session.lastSeenAt },
    { $set: { lastSeenAt: now } },
    { returnDocument: 'after' },
  ).lean();
  return touched ?? (await OperatorSessionModel.findById(session._id).lean());
}

export async function revokeSession(token: string, now: Date): Promise<void> {
  await OperatorSessionModel.updateOne({ _id: digest(token), revokedAt: null }, { $set: { revokedAt: now } });
}

/** Ends every session of the operator, except `keep` (the one making the change) when given. */
export async function revokeAllSessions(operatorId: Types.ObjectId, now: Date, keepToken?: string): Promise<void> {
  const filter: Record<string, unknown> = { operatorId, revokedAt: null };
  if (keepToken) filter._id = { $ne: digest(keepToken) };
  await OperatorSessionModel.updateMany(filter, { $set: { revokedAt: now } });
}
