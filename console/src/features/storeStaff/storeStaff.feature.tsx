import { IdcardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const storeStaffFeature: ConsoleFeature = {
  path: 'store-staff',
  title: '店员',
  icon: <IdcardOutlined />,
  section: 'stores',
  permission: ['read', 'StoreStaff'],
  page: lazy(() => import('./StoreStaffPage').then((module) => ({ default: module.StoreStaffPage }))),
};
