import { FundOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const insightsFeature: ConsoleFeature = {
  path: 'insights',
  title: '经营洞察',
  icon: <FundOutlined />,
  section: 'analytics',
  permission: ['read', 'Dashboard'],
  page: lazy(() => import('./InsightsPage').then((module) => ({ default: module.InsightsPage }))),
};
