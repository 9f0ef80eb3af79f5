import { UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const membersFeature: ConsoleFeature = {
  path: 'members',
  title: '会员',
  icon: <UserOutlined />,
  section: 'members',
  permission: ['read', 'Member'],
  page: lazy(() => import('./MembersPage').then((module) => ({ default: module.MembersPage }))),
};
