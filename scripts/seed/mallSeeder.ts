import { Types, type Connection } from 'mongoose';
import sharp from 'sharp';
import { prepareCatalogImage, storeCatalogImage } from '../../bff/src/mall/catalogImages';
import { createGridfsPhotoStore } from '../../bff/src/community/photos/gridfsPhotoStore';
import { mallItemArt } from './mallItemArt';
import type { Seeder } from './seeders';

/**
 * The points mall for development: coupon templates (stable codes other features issue by), a bakery catalog,
 * a demo store, and the demo member allowed as its staff. Shapes: bff/src/coupons/CouponTemplate.model.ts,
 * bff/src/mall/MallItem.model.ts, bff/src/writeoff/{Store,StaffAllowance}.model.ts. Upserts by code/openid.
 */
const DEMO_STAFF_OPENID = 'o-demo-cakeday-0001';
const DEMO_STORE_ID = new Types.ObjectId('64d0000000000000000005a1');

const templates = [
  { code: 'welcome-5-off', title: '新人5元券', description: '任意消费可用', type: 'amount_off', amountOffFen: 500, percentOff: null, minSpendFen: 0, freeItemName: null, validDays: 30 },
  { code: 'mall-50-minus-10', title: '满50减10券', description: '全场蛋糕与饮品可用', type: 'amount_off', amountOffFen: 1000, percentOff: null, minSpendFen: 5000, freeItemName: null, validDays: 30 },
  { code: 'birthday-10-off', title: '生日9折券', description: '生日月内整单9折', type: 'percent_off', amountOffFen: null, percentOff: 10, minSpendFen: 0, freeItemName: null, validDays: 30 },
  { code: 'birthday-free-drink', title: '生日免费饮品券', description: '生日当月任选中杯饮品一杯', type: 'free_item', amountOffFen: null, percentOff: null, minSpendFen: 0, freeItemName: '中杯饮品一杯', validDays: 30 },
  { code: 'cake-size-upgrade', title: '生日蛋糕尺寸升级券', description: '预订生日蛋糕时免费升大一寸', type: 'free_item', amountOffFen: null, percentOff: null, minSpendFen: 0, freeItemName: '生日蛋糕升大一寸', validDays: 90 },
] as const;

const items = [
  { code: 'cake-size-upgrade', title: '生日蛋糕尺寸升级', subtitle: '6寸升8寸，多分几块给朋友', kind: 'coupon', pointsPrice: 800, cashFen: 0, stock: 200, limitPerMember: 1, limitPeriod: 'year', tierRequired: null, couponTemplateCode: 'cake-size-upgrade', sortOrder: 10, rules: ['兑换后券放入“我的券”，90 天内有效', '预订生日蛋糕时出示券码'] },
  { code: 'mall-50-minus-10', title: '满50减10券', subtitle: '门店消费满50元立减10元', kind: 'coupon', pointsPrice: 300, cashFen: 0, stock: 1000, limitPerMember: 2, limitPeriod: 'month', tierRequired: null, couponTemplateCode: 'mall-50-minus-10', sortOrder: 20, rules: ['每月限兑 2 张', '不与其他优惠同享'] },
  { code: 'baking-class', title: '烘焙课体验券', subtitle: '周末亲子烘焙课，带走自己做的小蛋糕', kind: 'service', pointsPrice: 1200, cashFen: 1990, stock: 30, limitPerMember: 1, limitPeriod: 'month', tierRequired: 'gold', couponTemplateCode: null, sortOrder: 30, rules: ['金卡及以上会员可兑', '需提前一天致电门店预约', '凭核销码到店使用'] },
  { code: 'charity-breakfast', title: '公益捐赠一份早餐', subtitle: '为山区小朋友送一份营养早餐', kind: 'charity', pointsPrice: 200, cashFen: 0, stock: 5000, limitPerMember: 10, limitPeriod: 'month', tierRequired: null, couponTemplateCode: null, sortOrder: 40, rules: ['捐赠后不可退回', '每月汇总捐出并公示'] },
  { code: 'member-tote', title: '会员周边帆布袋', subtitle: '麦香生日限定款帆布袋', kind: 'physical', pointsPrice: 600, cashFen: 990, stock: 80, limitPerMember: 1, limitPeriod: 'lifetime', tierRequired: null, couponTemplateCode: null, sortOrder: 50, rules: ['到店自提，凭核销码领取', '每人限兑 1 件'] },
  { code: 'diamond-cake-tasting', title: '新品蛋糕品鉴会', subtitle: '钻石卡专享，甜点师现场讲解', kind: 'service', pointsPrice: 2000, cashFen: 0, stock: 12, limitPerMember: 1, limitPeriod: 'year', tierRequired: 'diamond', couponTemplateCode: null, sortOrder: 60, rules: ['钻石卡会员专享', '凭核销码入场'] },
] as const;

/**
 * Each demo item's picture, rendered from mallItemArt, checked and stored the way ops' uploads are (the BFF's photo
 * store: GridFS in the development database) and made the item's cover: only on an item without images that ops
 * never edited (no version), so a picture ops removed or replaced stays so. The file is named by its hash, so seeding
 * again stores nothing twice.
 */
async function seedMallItemImages(connection: Connection): Promise<number> {
  const store = createGridfsPhotoStore(() => connection.db);
  let pictured = 0;
  for (const [code, svg] of Object.entries(mallItemArt)) {
    const unpictured = { code, 'images.0': { $exists: false }, version: { $in: [null, 0] } };
    if (!(await connection.collection('mall_items').findOne(unpictured))) continue;
    const image = await prepareCatalogImage(await sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer());
    await storeCatalogImage(store, image);
    const set = await connection.collection('mall_items').updateOne(unpictured, { $set: { images: [image.path] } });
    pictured += set.modifiedCount;
  }
  return pictured;
}

export const mallSeeder: Seeder = {
  name: 'points mall',
  async run(connection: Connection) {
    const now = new Date();
    for (const template of templates) {
      await connection.collection('coupon_templates').updateOne({ code: template.code }, { $setOnInsert: { ...template, active: true, createdAt: now } }, { upsert: true });
    }
    for (const item of items) {
      await connection.collection('mall_items').updateOne(
        { code: item.code },
        {
          $setOnInsert: {
            ...item,
            // Filled in below with the item's picture, served by the BFF.
            images: [],
            description: item.subtitle,
            reservedOrders: [],
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
    const pictured = await seedMallItemImages(connection);
    await connection.collection('stores').updateOne(
      { code: 'SH-001' },
      { $setOnInsert: { _id: DEMO_STORE_ID, name: '麦香生日烘焙·人民广场店', address: '上海市黄浦区人民大道 100 号', createdAt: now } },
      { upsert: true },
    );
    // What the 门店 page shows; filled in on a store seeded before it had them, never over an ops edit.
    const demoStoreFacts = { phone: '021-6318-0100', openingHours: { opens: '08:00', closes: '22:00' }, location: { latitude: 31.2304, longitude: 121.4737 } };
    for (const [field, value] of Object.entries(demoStoreFacts)) {
      await connection.collection('stores').updateOne({ code: 'SH-001', [field]: { $in: [null] } }, { $set: { [field]: value } });
    }
    const store = await connection.collection('stores').findOne({ code: 'SH-001' });
    await connection.collection('staff_allowances').updateOne(
      { openid: DEMO_STAFF_OPENID },
      { $setOnInsert: { storeId: store?._id ?? DEMO_STORE_ID, name: '店员麦麦', active: true, createdAt: now } },
      { upsert: true },
    );
    return `${templates.length} coupon templates, ${items.length} mall items (${pictured} pictured now), 1 store with the demo member as staff`;
  },
};
