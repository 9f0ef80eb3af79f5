import { adjustmentNeedsApproval, isErrorCode, type OpsPointsAdjustRequest } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited } from '../../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../../audit/auditOutcomes';
import { isDuplicateKeyError } from '../../db/duplicateKey';
import { conflict, notFound } from '../../errors/AppError';
import { MemberModel } from '../../members/Member.model';
import { applySpend } from '../ledgerMath';
import { PointsAccountModel } from '../PointsAccount.model';
import { crashPoint, type AdjustmentContext } from './adjustmentContext';
import { adjustmentLimitKey, takeAdjustmentLimit } from './adjustmentLimit';
import { applyAdjustment } from './applyAdjustment';
import { PointsAdjustmentModel, type PointsAdjustment } from './PointsAdjustment.model';

registerAuditSubject('PointsAdjustment', carriesAuditSeq((filter) => PointsAdjustmentModel.countDocuments(filter)));

/** A concurrent request with the same idempotency key recorded the adjustment first. */
class AlreadyRecorded extends Error {}

/** A deduction the member's balance cannot cover is refused before anything is recorded. */
async function assertCoverable(memberId: Types.ObjectId, points: number, now: Date): Promise<void> {
  if (points > 0) return;
  const account = await PointsAccountModel.findById(memberId, { balance: 1, lots: 1 }).lean();
  const check = applySpend({ balance: account?.balance ?? 0, lots: account?.lots ?? [] }, -points, now);
  if (!check.ok) throw conflict(check.reason);
}

/** An adjustment the ledger refused answers as the refusal, on the first call and on every retry. */
function outcome(adjustment: PointsAdjustment): PointsAdjustment {
  if (adjustment.state === 'failed') throw conflict(isErrorCode(adjustment.failure) ? adjustment.failure : 'POINTS_INSUFFICIENT');
  return adjustment;
}

function sameRequest(stored: PointsAdjustment, input: OpsPointsAdjustRequest): boolean {
  return stored.memberId.equals(input.memberId) && stored.points === input.points && stored.reason === input.reason && stored.memberNote === (input.memberNote ?? null);
}

/** A retry of a recorded request: the same adjustment, carried on if a crash stopped it before the ledger. */
async function resume(stored: PointsAdjustment, input: OpsPointsAdjustRequest, context: AdjustmentContext): Promise<PointsAdjustment> {
  if (!sameRequest(stored, input)) throw conflict('IDEMPOTENCY_KEY_REUSED');
  return outcome(await applyAdjustment(stored, context));
}

/**
 * ops.points.adjust: records the adjustment (audited, counted against the operator's daily limit — refused with
 * OPS_POINTS_DAILY_LIMIT and nothing recorded when it would pass it) and, under the approval threshold, applies
 * it at once; above it, it waits as `pending` for a second operator.
 */
export async function requestAdjustment(input: OpsPointsAdjustRequest, context: AdjustmentContext): Promise<PointsAdjustment> {
  const requestKey = `${context.operator.id}:${input.idempotencyKey}`;
  const existing = await PointsAdjustmentModel.findOne({ requestKey }).lean();
  if (existing) return resume(existing, input, context);

  const member = await MemberModel.findOne({ _id: input.memberId, status: 'active' }, { _id: 1 }).lean();
  if (!member) throw notFound();
  await assertCoverable(member._id, input.points, context.now);

  const { pointsAdjustmentDailyLimit, pointsAdjustmentApprovalThreshold } = context.settings.settings.operations;
  const needsApproval = adjustmentNeedsApproval(input.points, pointsAdjustmentApprovalThreshold);
  const draft: PointsAdjustment = {
    _id: new Types.ObjectId(),
    memberId: member._id,
    points: input.points,
    reason: input.reason,
    memberNote: input.memberNote ?? null,
    state: needsApproval ? 'pending' : 'approved',
    needsApproval,
    requestedBy: { id: context.operator.id, displayName: context.operator.displayName },
    requestedAt: context.now,
    requestKey,
    limitKey: adjustmentLimitKey(context.operator.id, context.now),
    limitReleasedAt: null,
    decidedBy: null,
    decidedAt: null,
    rejectReason: null,
    appliedAt: null,
    failure: null,
    ledgerEntryId: null,
    settingsVersion: context.settings.version,
    auditSeqs: [],
  };
  let recorded: PointsAdjustment;
  try {
    recorded = await audited(
      context.audit,
      {
        action: 'ops.points.adjust',
        subject: { type: 'PointsAdjustment', id: draft._id.toHexString() },
        after: { memberId: input.memberId, points: input.points, memberNote: draft.memberNote, state: draft.state, settingsVersion: draft.settingsVersion },
        reason: input.reason,
      },
      async (entry) => {
        if (!(await takeAdjustmentLimit(draft, pointsAdjustmentDailyLimit))) throw conflict('OPS_POINTS_DAILY_LIMIT');
        crashPoint(context, 'limit_taken');
        try {
          return (await PointsAdjustmentModel.create({ ...draft, auditSeqs: [entry._id] })).toObject();
        } catch (error) {
          if (isDuplicateKeyError(error)) throw new AlreadyRecorded();
          throw error;
        }
      },
    );
  } catch (error) {
    if (!(error instanceof AlreadyRecorded)) throw error;
    const stored = await PointsAdjustmentModel.findOne({ requestKey }).lean();
    if (!stored) throw error;
    return resume(stored, input, context);
  }
  crashPoint(context, 'recorded');
  return outcome(await applyAdjustment(recorded, context));
}
