import { adjustmentMemberText, pointsAdjustmentStateLabels, toBusinessIso, type OpsAbility, type PointsAdjustmentView } from '@cakeday/shared';
import type { PointsAdjustment } from './PointsAdjustment.model';

const iso = (date: Date | null): string | null => (date ? toBusinessIso(date) : null);

/** An adjustment as the given operator sees it: whether they may decide on it follows the four-eyes rule. */
export function presentAdjustment(adjustment: PointsAdjustment, viewer: { id: string; ability: OpsAbility }): PointsAdjustmentView {
  return {
    id: adjustment._id.toHexString(),
    memberId: adjustment.memberId.toHexString(),
    points: adjustment.points,
    reason: adjustment.reason,
    memberNote: adjustment.memberNote,
    memberText: adjustmentMemberText(adjustment.memberNote),
    state: adjustment.state,
    stateLabel: pointsAdjustmentStateLabels[adjustment.state],
    needsApproval: adjustment.needsApproval,
    requestedBy: adjustment.requestedBy,
    requestedAt: toBusinessIso(adjustment.requestedAt),
    decidedBy: adjustment.decidedBy,
    decidedAt: iso(adjustment.decidedAt),
    rejectReason: adjustment.rejectReason,
    appliedAt: iso(adjustment.appliedAt),
    failure: adjustment.failure,
    ledgerEntryId: adjustment.ledgerEntryId?.toHexString() ?? null,
    settingsVersion: adjustment.settingsVersion,
    canDecide: adjustment.state === 'pending' && adjustment.requestedBy.id !== viewer.id && viewer.ability.can('approve', 'PointsAdjustment'),
  };
}
