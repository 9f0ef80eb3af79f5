import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const operatorsFeature: ConsoleFeature = {
  path: 'operators',
  title: '运营人员',
  icon: <TeamOutlined />,
  section: 'system',
  permission: ['read', 'Operator'],
  page: lazy(() => import('./OperatorsPage').then((module) => ({ default: module.OperatorsPage }))),
};
