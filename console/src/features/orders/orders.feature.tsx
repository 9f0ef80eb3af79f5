import { FileTextOutlined, WarningOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const ordersFeature: ConsoleFeature = {
  path: 'orders',
  title: '订单',
  icon: <FileTextOutlined />,
  section: 'mall',
  permission: ['read', 'Order'],
  page: lazy(() => import('./OrdersPage').then((module) => ({ default: module.OrdersPage }))),
};

/** The flagged orders (amount mismatches, abnormal refunds) as a work queue; each opens the order's page. */
export const flaggedOrdersFeature: ConsoleFeature = {
  path: 'order-flags',
  title: '异常订单',
  icon: <WarningOutlined />,
  section: 'mall',
  permission: ['read', 'Order'],
  page: lazy(() => import('./FlaggedOrdersPage').then((module) => ({ default: module.FlaggedOrdersPage }))),
};
