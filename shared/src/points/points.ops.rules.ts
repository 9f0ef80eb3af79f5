
/**
 * A manual points adjustment moves: pending (waits for a second operator) → approved → applied, or
 * pending → rejected; one under the approval threshold starts approved. approved → failed when the ledger
 * refuses it (a deduction larger than the spendable balance).
 */
export const POINTS_ADJUSTMENT_STATES = ['pending', 'approved', 'applied', 'rejected', 'failed'] as const;
export type PointsAdjustmentState = (typeof POINTS_ADJUSTMENT_STATES)[number];

export const pointsAdjustmentStateLabels: Record<PointsAdjustmentState, string> = {
  pending: '待审批',
  approved: '已批准，入账中',
  applied: '已入账',
  rejected: '已驳回',
  failed: '未入账',
};

/** The member's 积分明细 line for an adjustment: never the operator's internal reason. */
export function adjustmentMemberText(memberNote: string | null | undefined): string {
  return memberNote ? `积分调整：${memberNote}` : '积分调整';
}

/** Whether an adjustment of this size waits for a second operator (strictly above the threshold). */
export function adjustmentNeedsApproval(points: number, approvalThreshold: number): boolean {
  return Math.abs(points) > approvalThreshold;
}
