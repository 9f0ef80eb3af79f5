import { GiftOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const birthdayPackagesFeature: ConsoleFeature = {
  path: 'birthday-packages',
  title: '生日礼包',
  icon: <GiftOutlined />,
  section: 'members',
  permission: ['read', 'BirthdayPackage'],
  page: lazy(() => import('./BirthdayPackagesPage').then((module) => ({ default: module.BirthdayPackagesPage }))),
};
