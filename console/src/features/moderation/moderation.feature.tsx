import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const moderationFeature: ConsoleFeature = {
  path: 'moderation',
  title: '社区审核',
  icon: <SafetyCertificateOutlined />,
  section: 'community',
  permission: ['read', 'Moderation'],
  page: lazy(() => import('./ModerationPage').then((module) => ({ default: module.ModerationPage }))),
};
