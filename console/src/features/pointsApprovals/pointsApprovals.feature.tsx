import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const pointsApprovalsFeature: ConsoleFeature = {
  path: 'points-approvals',
  title: '积分调整审批',
  icon: <AuditOutlined />,
  section: 'members',
  permission: ['read', 'PointsAdjustment'],
  page: lazy(() => import('./PointsApprovalsPage').then((module) => ({ default: module.PointsApprovalsPage }))),
};
