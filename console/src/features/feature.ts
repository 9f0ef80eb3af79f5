import type { OpsPermission } from '@cakeday/shared';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

/** The menu's headings, in menu order; a feature names the one it sits under. */
export const CONSOLE_SECTIONS = {
  analytics: '数据',
  members: '会员',
  mall: '商城与订单',
  stores: '门店',
  community: '社区',
  system: '系统管理',
} as const;
export type ConsoleSection = keyof typeof CONSOLE_SECTIONS;

/**
 * One page of the console: its folder under src/features/ exports one of these, and features/index.ts lists it.
 * The menu entry and the route come from here; the permission hides the entry and guards the page (the BFF checks
 * the same rule on every call the page makes).
 */
export interface ConsoleFeature {
  /** The URL under /console/ (`operators` → /console/operators; the page may route below it). */
  path: string;
  /** The menu entry and the page's title. */
  title: string;
  icon: ReactNode;
  section: ConsoleSection;
  /** What the operator must be allowed to see the entry and open the page. */
  permission: OpsPermission;
  /** Loaded on first visit, in a chunk of its own. */
  page: LazyExoticComponent<ComponentType>;
}
