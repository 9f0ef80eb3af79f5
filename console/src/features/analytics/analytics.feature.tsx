import { LineChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const analyticsFeature: ConsoleFeature = {
  path: 'analytics',
  title: '数据看板',
  icon: <LineChartOutlined />,
  section: 'analytics',
  permission: ['read', 'Dashboard'],
  page: lazy(() => import('./AnalyticsPage').then((module) => ({ default: module.AnalyticsPage }))),
};
