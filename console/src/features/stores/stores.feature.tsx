import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const storesFeature: ConsoleFeature = {
  path: 'stores',
  title: '门店',
  icon: <ShopOutlined />,
  section: 'stores',
  permission: ['read', 'Store'],
  page: lazy(() => import('./StoresPage').then((module) => ({ default: module.StoresPage }))),
};
