import { NotificationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const campaignsFeature: ConsoleFeature = {
  path: 'campaigns',
  title: '营销活动',
  icon: <NotificationOutlined />,
  section: 'members',
  permission: ['read', 'Campaign'],
  page: lazy(() => import('./CampaignsPage').then((module) => ({ default: module.CampaignsPage }))),
};
