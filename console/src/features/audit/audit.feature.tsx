import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const auditFeature: ConsoleFeature = {
  path: 'audit',
  title: '操作日志',
  icon: <AuditOutlined />,
  section: 'system',
  permission: ['read', 'AuditLog'],
  page: lazy(() => import('./AuditPage').then((module) => ({ default: module.AuditPage }))),
};
