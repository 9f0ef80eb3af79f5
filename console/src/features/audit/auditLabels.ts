import { routes, type AuditEntry } from '@cakeday/shared';

/** Chinese names of the subjects the audit log records; an unknown type shows as it is. */
export const auditSubjectNames: Record<string, string> = {
  Operator: '运营人员',
  Settings: '会员规则设置',
  AuditLog: '操作日志',
  Member: '会员',
  MemberPersonalData: '会员个人信息',
  PointsAdjustment: '积分调整',
  MallItem: '商城商品',
  CouponTemplate: '券模板',
  BirthdayPackage: '生日礼包',
  Store: '门店',
  StoreStaff: '门店员工',
  Order: '订单',
  Writeoff: '核销',
  Campaign: '营销活动',
  Moderation: '内容审核',
};

export const auditOutcomeNames: Record<AuditEntry['outcome'], { text: string; status: 'Success' | 'Processing' | 'Error' }> = {
  applied: { text: '已生效', status: 'Success' },
  pending: { text: '处理中', status: 'Processing' },
  failed: { text: '未执行', status: 'Error' },
};

const routeSummaries: Record<string, string> = Object.fromEntries(
  Object.entries(routes)
    .filter(([name]) => name.startsWith('ops.'))
    .map(([name, definition]) => [name, definition.summary]),
);

/** The first clause of the route's summary ("创建运营人员"), or the action itself for jobs and unknown names. */
export function actionName(action: string): string {
  const summary = routeSummaries[action];
  return summary ? (summary.split(/[；（，]/)[0] ?? summary) : action;
}

/** What the action filter suggests: every ops route, by name and what it does. */
export const actionOptions = Object.keys(routeSummaries).map((name) => ({ value: name, label: `${actionName(name)}（${name}）` }));
