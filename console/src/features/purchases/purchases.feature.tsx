import { ShoppingCartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

/** Till and online-shop purchases (a store manager's own store only), each with its lines, refunds and points. */
export const purchasesFeature: ConsoleFeature = {
  path: 'purchases',
  title: '消费记录',
  icon: <ShoppingCartOutlined />,
  section: 'stores',
  permission: ['read', 'Purchase'],
  page: lazy(() => import('./PurchasesPage').then((module) => ({ default: module.PurchasesPage }))),
};
