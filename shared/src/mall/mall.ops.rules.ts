import type { FieldIssue } from '../errors.js';
import type { MallItemKind } from './mall.rules.js';

/** The fields of a mall item that must agree with each other, whether created whole or edited in part. */
export interface MallItemShape {
  kind: MallItemKind;
  pointsPrice: number;
  cashFen: number;
  couponTemplateCode: string | null;
  visibleFrom: string | Date | null;
  visibleTo: string | Date | null;
}

const instant = (value: string | Date): number => new Date(value).getTime();

/** Why an item as it would be saved does not make sense (empty when it does); paths name the fields. */
export function mallItemProblems(item: MallItemShape): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (item.kind === 'coupon' && !item.couponTemplateCode) problems.push({ path: 'couponTemplateCode', message: '优惠券商品须指定券模板' });
  if (item.kind !== 'coupon' && item.couponTemplateCode) problems.push({ path: 'couponTemplateCode', message: '只有优惠券商品可以指定券模板' });
  if (item.pointsPrice <= 0 && item.cashFen <= 0) problems.push({ path: 'pointsPrice', message: '积分价与现金价不能同时为 0' });
  if (item.visibleFrom && item.visibleTo && instant(item.visibleFrom) >= instant(item.visibleTo)) {
    problems.push({ path: 'visibleTo', message: '下架时间须晚于上架时间' });
  }
  return problems;
}
