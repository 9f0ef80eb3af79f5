import { mallItemProblems, type MallItemShape } from './mall.ops.rules.js';

const item: MallItemShape = { kind: 'service', pointsPrice: 100, cashFen: 0, couponTemplateCode: null, visibleFrom: null, visibleTo: null };

describe('mallItemProblems', () => {
  it.each<[string, Partial<MallItemShape>, string[]]>([
    ['a plain service item', {}, []],
    ['a coupon item with its template', { kind: 'coupon', couponTemplateCode: 'tpl' }, []],
    ['a coupon item without a template', { kind: 'coupon' }, ['couponTemplateCode']],
    ['a template on an item that is not a coupon', { couponTemplateCode: 'tpl' }, ['couponTemplateCode']],
    ['cash only', { pointsPrice: 0, cashFen: 990 }, []],
    ['free', { pointsPrice: 0, cashFen: 0 }, ['pointsPrice']],
    ['a window that closes before it opens', { visibleFrom: '2026-07-01T00:00:00+08:00', visibleTo: '2026-06-01T00:00:00+08:00' }, ['visibleTo']],
    ['an open-ended window', { visibleFrom: new Date('2026-07-01T00:00:00Z') }, []],
  ])('%s', (_name, change, paths) => {
    expect(mallItemProblems({ ...item, ...change }).map((problem) => problem.path)).toEqual(paths);
  });
});
