import { ApiOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const integrationsFeature: ConsoleFeature = {
  path: 'integrations',
  title: '接入管理',
  icon: <ApiOutlined />,
  section: 'system',
  permission: ['read', 'Integration'],
  page: lazy(() => import('./IntegrationsPage').then((module) => ({ default: module.IntegrationsPage }))),
};
