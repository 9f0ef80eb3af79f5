import { ClusterOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const segmentsFeature: ConsoleFeature = {
  path: 'segments',
  title: '会员分群',
  icon: <ClusterOutlined />,
  section: 'members',
  permission: ['read', 'Segment'],
  page: lazy(() => import('./SegmentsPage').then((module) => ({ default: module.SegmentsPage }))),
};
