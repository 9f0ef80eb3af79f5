import { DEFAULT_BIRTHDAY_PACKAGES, DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import type { Connection } from 'mongoose';
import type { Seeder } from './seeders';

/** Cash-only items a friend can gift from a wishlist (friends pay the cash price through WeChat Pay). */
const giftItems = [
  { code: 'gift-birthday-drink', title: '请TA喝一杯', subtitle: '生日当月任选中杯饮品一杯（券）', kind: 'coupon', cashFen: 1800, couponTemplateCode: 'birthday-free-drink', sortOrder: 70 },
  { code: 'gift-birthday-cake-6in', title: '生日蛋糕 6寸', subtitle: '门店自提，凭核销码领取', kind: 'physical', cashFen: 16800, couponTemplateCode: null, sortOrder: 80 },
] as const;

/**
 * The tier birthday packages (bff/src/birthday/BirthdayPackage.model.ts) and the referral first-order coupon
 * template (bff/src/coupons/CouponTemplate.model.ts) and the wishlist's giftable items (bff/src/mall/MallItem.model.ts).
 * Inserted once by code; later edits by ops are kept.
 */
export const birthdaySeeder: Seeder = {
  name: 'birthday packages',
  async run(connection: Connection) {
    const now = new Date();
    for (const pkg of DEFAULT_BIRTHDAY_PACKAGES) {
      await connection.collection('birthday_packages').updateOne(
        { code: pkg.code },
        { $setOnInsert: { ...pkg, active: true, createdAt: now, updatedAt: now } },
        { upsert: true },
      );
      // Packages seeded before a window could be bound to the birthday month get the default flag once.
      await connection.collection('birthday_packages').updateOne(
        { code: pkg.code, 'window.withinBirthdayMonth': { $exists: false } },
        { $set: { 'window.withinBirthdayMonth': pkg.window.withinBirthdayMonth } },
      );
    }
    await connection.collection('coupon_templates').updateOne(
      { code: DEFAULT_PROGRAM_SETTINGS.referral.welcomeTemplateCode },
      {
        $setOnInsert: {
          code: DEFAULT_PROGRAM_SETTINGS.referral.welcomeTemplateCode,
          title: '新人首单8折券',
          description: '好友邀请专享，首笔订单可用',
          type: 'percent_off',
          amountOffFen: null,
          percentOff: 20,
          minSpendFen: 0,
          freeItemName: null,
          validDays: 30,
          active: true,
          createdAt: now,
        },
      },
      { upsert: true },
    );
    for (const item of giftItems) {
      await connection.collection('mall_items').updateOne(
        { code: item.code },
        {
          $setOnInsert: {
            ...item,
            images: [],
            description: item.subtitle,
            rules: ['好友可从生日心愿清单赠送', '微信支付现金购买，不使用积分'],
            pointsPrice: 0,
            stock: 500,
            reservedOrders: [],
            limitPerMember: 5,
            limitPeriod: 'month',
            tierRequired: null,
            visibleFrom: null,
            visibleTo: null,
            status: 'active',
            createdAt: now,
            updatedAt: now,
          },
        },
        { upsert: true },
      );
    }
    return `${DEFAULT_BIRTHDAY_PACKAGES.length} birthday packages, the referral coupon template and ${giftItems.length} gift items present`;
  },
};
