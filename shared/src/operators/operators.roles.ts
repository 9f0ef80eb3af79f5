/** The brand's people who run Cakeday; separate from members and from WeChat identities. */
export const OPERATOR_ROLES = ['admin', 'ops', 'analyst', 'moderator', 'store_manager'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const operatorRoleNames: Record<OperatorRole, string> = {
  admin: '管理员',
  ops: '运营',
  analyst: '分析师',
  moderator: '内容审核',
  store_manager: '店长',
};

/** Roles that act for one store only; an operator with one of them must name the store. */
export const STORE_SCOPED_ROLES: readonly OperatorRole[] = ['store_manager'];
