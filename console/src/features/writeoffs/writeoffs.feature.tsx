import { CheckSquareOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleFeature } from '../feature';

export const writeoffsFeature: ConsoleFeature = {
  path: 'writeoffs',
  title: '核销记录',
  icon: <CheckSquareOutlined />,
  section: 'stores',
  permission: ['read', 'Writeoff'],
  page: lazy(() => import('./WriteoffsPage').then((module) => ({ default: module.WriteoffsPage }))),
};
