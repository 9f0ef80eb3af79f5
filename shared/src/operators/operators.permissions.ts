import { AbilityBuilder, createMongoAbility, type MongoAbility, type MongoQuery } from '@casl/ability';
import type { OperatorRole } from './operators.roles.js';

/**
 * One permission model for the server and the console (CASL): the server checks every ops route against it and
 * turns its conditions into query filters (a store manager's queries are limited to their store); the console
 * shows or hides actions with the same rules.
 */
export const OPS_ACTIONS = ['manage', 'read', 'create', 'update', 'delete', 'reveal', 'adjust', 'approve', 'refund', 'export'] as const;
export type OpsAction = (typeof OPS_ACTIONS)[number];

export const OPS_SUBJECTS = [
  'all',
  'Member',
  /** The unmasked phone, birthday and the like: revealed with a reason, once, audited. */
  'MemberPersonalData',
  'PointsAdjustment',
  'MallItem',
  'CouponTemplate',
  'BirthdayPackage',
  'Store',
  'StoreStaff',
  'Order',
  'Writeoff',
  'Settings',
  'Operator',
  'AuditLog',
  'Dashboard',
  'Campaign',
  'Moderation',
  /** The community's topics and the local word list. */
  'CommunityRules',
  'Integration',
  'Purchase',
  /** Member segments ops define (campaign audiences). */
  'Segment',
  /** KPI, reach and failure-rate alerts: ops acknowledge them, analysts read them. */
  'Alert',
] as const;
export type OpsSubjectType = (typeof OPS_SUBJECTS)[number];

/** A record checked against conditions: its type plus the fields the rules look at (ids as strings). */
export interface OpsSubjectRecord {
  __type: Exclude<OpsSubjectType, 'all'>;
  storeId?: string | null;
  [field: string]: unknown;
}

export type OpsAbility = MongoAbility<[OpsAction, OpsSubjectType | OpsSubjectRecord], MongoQuery>;

/** What the rules need to know about an operator. */
export interface OperatorGrant {
  id: string;
  roles: readonly OperatorRole[];
  /** The store a store manager runs; null for brand-wide roles. */
  storeId: string | null;
}

/** A route's permission: checked by type before the handler; conditions are applied by the command. */
export type OpsPermission = readonly [OpsAction, Exclude<OpsSubjectType, 'all'>];

const CATALOG: OpsSubjectType[] = ['MallItem', 'CouponTemplate', 'BirthdayPackage', 'Store', 'StoreStaff'];

/**
 * The program-settings sections ops may change: the member-facing rules. `operations` (the points-adjustment limit
 * and the four-eyes threshold) governs ops' own powers, so only an admin changes it.
 */
export const OPS_EDITABLE_SETTINGS_SECTIONS = ['points', 'tiers', 'birthday', 'help', 'referral', 'marketing', 'segments', 'attribution', 'pickup'] as const;

export function defineOpsAbility(operator: OperatorGrant): OpsAbility {
  const { can, cannot, build } = new AbilityBuilder<OpsAbility>(createMongoAbility);
  for (const role of operator.roles) {
    switch (role) {
      case 'admin':
        can('manage', 'all');
        break;
      case 'ops':
        can(['read', 'update', 'export'], 'Member');
        can('reveal', 'MemberPersonalData');
        can(['read', 'create', 'approve'], 'PointsAdjustment');
        can('manage', CATALOG);
        // update: handling a flagged order (the work queue); refunds have their own action.
        can(['read', 'update', 'refund', 'export'], 'Order');
        can(['read', 'export'], ['Writeoff', 'Purchase']);
        can('manage', 'Campaign');
        can('manage', 'Segment');
        can('manage', 'CommunityRules');
        can('read', ['Dashboard', 'Settings']);
        can('export', 'Dashboard');
        can('update', 'Settings', [...OPS_EDITABLE_SETTINGS_SECTIONS]);
        can(['read', 'update'], 'Alert');
        break;
      case 'analyst':
        // Read-only, and personal data stays masked: no `reveal`.
        can(['read', 'export'], ['Member', 'Order', 'Writeoff', 'Purchase']);
        can('read', ['Dashboard', 'Campaign', 'Settings', 'PointsAdjustment', 'Segment']);
        // Dashboards hold counts only, never a member: analysts take them away as CSV.
        can('export', 'Dashboard');
        can('read', 'Alert');
        break;
      case 'moderator':
        can('manage', ['Moderation', 'CommunityRules']);
        can('read', 'Member');
        break;
      case 'store_manager':
        if (operator.storeId) {
          can(['read', 'export'], ['Writeoff', 'Purchase'], { storeId: operator.storeId });
          can('create', 'Purchase', { storeId: operator.storeId });
          can('manage', 'StoreStaff', { storeId: operator.storeId });
          // A store's own id is its `_id` (the field the query filter from @casl/mongoose names).
          can('read', 'Store', { _id: operator.storeId });
        }
        break;
    }
  }
  // Four-eyes and self-service limits hold whatever the role: nobody raises their own roles.
  if (!operator.roles.includes('admin')) cannot('manage', 'Operator');
  return build({ detectSubjectType: (record) => (typeof record === 'string' ? record : record.__type) });
}

/** The record form of a subject, for condition checks (`ability.can('read', opsSubject('Writeoff', {storeId}))`). */
export function opsSubject(type: OpsSubjectRecord['__type'], fields: Omit<OpsSubjectRecord, '__type'> = {}): OpsSubjectRecord {
  return { ...fields, __type: type };
}
