import { TagsOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const communityTopicsFeature: ConsoleFeature = {
  path: 'community-topics',
  title: '社区话题',
  icon: <TagsOutlined />,
  section: 'community',
  permission: ['read', 'CommunityRules'],
  page: lazy(() => import('./CommunityTopicsPage').then((module) => ({ default: module.CommunityTopicsPage }))),
};
