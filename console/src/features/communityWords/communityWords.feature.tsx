import { StopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const communityWordsFeature: ConsoleFeature = {
  path: 'community-words',
  title: '敏感词库',
  icon: <StopOutlined />,
  section: 'community',
  permission: ['read', 'CommunityRules'],
  page: lazy(() => import('./CommunityWordsPage').then((module) => ({ default: module.CommunityWordsPage }))),
};
