import { TagsOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const couponTemplatesFeature: ConsoleFeature = {
  path: 'coupon-templates',
  title: '券模板',
  icon: <TagsOutlined />,
  section: 'mall',
  permission: ['read', 'CouponTemplate'],
  page: lazy(() => import('./CouponTemplatesPage').then((module) => ({ default: module.CouponTemplatesPage }))),
};
