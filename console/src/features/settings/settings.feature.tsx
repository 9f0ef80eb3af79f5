import { SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const settingsFeature: ConsoleFeature = {
  path: 'settings',
  title: '会员规则设置',
  icon: <SettingOutlined />,
  section: 'system',
  permission: ['read', 'Settings'],
  page: lazy(() => import('./SettingsPage').then((module) => ({ default: module.SettingsPage }))),
};
