import { birthdayPackageProblems, type BirthdayPackageShape } from './birthday.ops.rules.js';

const coupon = { kind: 'coupon' as const, templateCode: 'birthday-10-off' };
const multiplier = { kind: 'points_multiplier' as const, templateCode: null };
const month = { opens: 'birthday_month' as const, daysBefore: 0, claimDays: null };

describe('birthdayPackageProblems', () => {
  it.each<[string, BirthdayPackageShape, string[]]>([
    ['a coupon and a multiplier', { items: [coupon, multiplier], window: month }, []],
    ['a coupon without a template', { items: [{ ...coupon, templateCode: null }], window: month }, ['items.0.templateCode']],
    ['a multiplier naming a template', { items: [coupon, { ...multiplier, templateCode: 'x' }], window: month }, ['items.1.templateCode']],
    ['days before a birthday-month opening', { items: [coupon], window: { ...month, daysBefore: 3 } }, ['window.daysBefore']],
    ['days before a days-before opening', { items: [coupon], window: { opens: 'days_before', daysBefore: 3, claimDays: 10 } }, []],
  ])('%s', (_name, pkg, paths) => {
    expect(birthdayPackageProblems(pkg).map((problem) => problem.path)).toEqual(paths);
  });
});
