import { randomBytes } from 'node:crypto';
import { CouponTemplateModel, type CouponTemplate } from '../coupons/CouponTemplate.model';
import { MallItemModel, type MallItem } from '../mall/MallItem.model';

const unique = (): string => randomBytes(5).toString('hex');

/** A coupon template (built when its code is missing). */
export async function buildCouponTemplate(overrides: Partial<CouponTemplate> = {}): Promise<CouponTemplate> {
  const created = await CouponTemplateModel.create({
    code: `tpl-${unique()}`,
    title: '满50减10券',
    description: '全场蛋糕与饮品可用',
    type: 'amount_off',
    amountOffFen: 1000,
    percentOff: null,
    minSpendFen: 5000,
    freeItemName: null,
    validDays: 30,
    active: true,
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    ...overrides,
  });
  return created.toObject();
}

/** A visible mall item: points only, stock 10, 5 per member per day, unless overridden. */
export async function buildMallItem(overrides: Partial<MallItem> = {}): Promise<MallItem> {
  const now = new Date('2026-01-01T00:00:00.000Z');
  const created = await MallItemModel.create({
    code: `item-${unique()}`,
    title: '烘焙课体验券',
    subtitle: '周末亲子烘焙课一次',
    images: ['https://static.cakeday.example/mall/baking-class.jpg'],
    description: '门店烘焙师带你做一只小蛋糕',
    rules: ['需提前一天预约'],
    kind: 'service',
    pointsPrice: 100,
    cashFen: 0,
    stock: 10,
    reservedOrders: [],
    limitPerMember: 5,
    limitPeriod: 'day',
    tierRequired: null,
    couponTemplateCode: null,
    visibleFrom: null,
    visibleTo: null,
    status: 'active',
    sortOrder: 0,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
  return created.toObject();
}
