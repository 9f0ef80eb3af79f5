import { defineOpsAbility, opsSubject, type OpsAction, type OpsSubjectType } from './operators.permissions.js';
import { OPERATOR_ROLES, type OperatorRole } from './operators.roles.js';

const storeA = 'a'.repeat(24);
const storeB = 'b'.repeat(24);
const abilityOf = (role: OperatorRole) => defineOpsAbility({ id: 'x', roles: [role], storeId: role === 'store_manager' ? storeA : null });

// The roles, spelled out: [action, subject] → roles allowed.
const MATRIX: [OpsAction, Exclude<OpsSubjectType, 'all'>, OperatorRole[]][] = [
  ['create', 'Operator', ['admin']],
  ['update', 'Settings', ['admin', 'ops']],
  ['read', 'Settings', ['admin', 'ops', 'analyst']],
  ['read', 'AuditLog', ['admin']],
  ['read', 'Member', ['admin', 'ops', 'analyst', 'moderator']],
  ['reveal', 'MemberPersonalData', ['admin', 'ops']],
  ['create', 'PointsAdjustment', ['admin', 'ops']],
  ['approve', 'PointsAdjustment', ['admin', 'ops']],
  ['update', 'MallItem', ['admin', 'ops']],
  ['refund', 'Order', ['admin', 'ops']],
  ['read', 'Order', ['admin', 'ops', 'analyst']],
  ['update', 'Order', ['admin', 'ops']],
  ['export', 'Order', ['admin', 'ops', 'analyst']],
  ['read', 'Store', ['admin', 'ops', 'store_manager']],
  ['update', 'Store', ['admin', 'ops']],
  ['create', 'StoreStaff', ['admin', 'ops', 'store_manager']],
  ['update', 'CouponTemplate', ['admin', 'ops']],
  ['update', 'BirthdayPackage', ['admin', 'ops']],
  ['export', 'Writeoff', ['admin', 'ops', 'analyst', 'store_manager']],
  ['read', 'Dashboard', ['admin', 'ops', 'analyst']],
  ['update', 'Dashboard', ['admin']],
  ['export', 'Dashboard', ['admin', 'ops', 'analyst']],
  ['read', 'Alert', ['admin', 'ops', 'analyst']],
  ['update', 'Alert', ['admin', 'ops']],
  ['manage', 'Moderation', ['admin', 'moderator']],
  ['update', 'Moderation', ['admin', 'moderator']],
  ['update', 'CommunityRules', ['admin', 'ops', 'moderator']],
  ['read', 'CommunityRules', ['admin', 'ops', 'moderator']],
  ['read', 'Writeoff', ['admin', 'ops', 'analyst', 'store_manager']],
  ['manage', 'StoreStaff', ['admin', 'ops', 'store_manager']],
  ['create', 'Integration', ['admin']],
  ['read', 'Integration', ['admin']],
  ['update', 'Integration', ['admin']],
  ['read', 'Segment', ['admin', 'ops', 'analyst']],
  ['create', 'Segment', ['admin', 'ops']],
  ['delete', 'Segment', ['admin', 'ops']],
];

describe('the ops permission model', () => {
  it.each(MATRIX)('%s %s: %j', (action, subject, allowed) => {
    for (const role of OPERATOR_ROLES) {
      expect([role, abilityOf(role).can(action, subject)]).toEqual([role, allowed.includes(role)]);
    }
  });

  it('limits a store manager to their own store', () => {
    const manager = abilityOf('store_manager');
    expect(manager.can('read', opsSubject('Writeoff', { storeId: storeA }))).toBe(true);
    expect(manager.can('read', opsSubject('Writeoff', { storeId: storeB }))).toBe(false);
    expect(manager.can('manage', opsSubject('StoreStaff', { storeId: storeB }))).toBe(false);
    expect(manager.can('read', opsSubject('Store', { _id: storeA }))).toBe(true);
    expect(manager.can('read', opsSubject('Store', { _id: storeB }))).toBe(false);
    expect(abilityOf('ops').can('read', opsSubject('Writeoff', { storeId: storeB }))).toBe(true);
  });

  it('ops change the member-facing rules, not the limits on their own powers', () => {
    const ops = abilityOf('ops');
    expect(ops.can('update', 'Settings', 'tiers')).toBe(true);
    expect(ops.can('update', 'Settings', 'marketing')).toBe(true);
    expect(ops.can('update', 'Settings', 'segments')).toBe(true);
    expect(ops.can('update', 'Settings', 'operations')).toBe(false);
    expect(abilityOf('admin').can('update', 'Settings', 'operations')).toBe(true);
  });

  it('a store manager without a store can do nothing', () => {
    const storeless = defineOpsAbility({ id: 'x', roles: ['store_manager'], storeId: null });
    expect(storeless.can('read', 'Writeoff')).toBe(false);
  });

  it('roles add up', () => {
    const both = defineOpsAbility({ id: 'x', roles: ['analyst', 'moderator'], storeId: null });
    expect(both.can('read', 'Dashboard')).toBe(true);
    expect(both.can('manage', 'Moderation')).toBe(true);
    expect(both.can('reveal', 'MemberPersonalData')).toBe(false);
  });
});
