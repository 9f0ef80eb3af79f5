import { ShoppingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const mallItemsFeature: ConsoleFeature = {
  path: 'mall-items',
  title: '商城商品',
  icon: <ShoppingOutlined />,
  section: 'mall',
  permission: ['read', 'MallItem'],
  page: lazy(() => import('./MallItemsPage').then((module) => ({ default: module.MallItemsPage }))),
};
