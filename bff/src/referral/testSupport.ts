import { DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import { CouponTemplateModel } from '../coupons/CouponTemplate.model';

const TEMPLATE_CODES = ['birthday-10-off', 'birthday-free-drink', 'cake-size-upgrade', DEFAULT_PROGRAM_SETTINGS.referral.welcomeTemplateCode];

/** The coupon templates birthday, help and referral issue (tests only; the seed creates them in dev). */
export async function ensureTestCouponTemplates(now = new Date()): Promise<void> {
  for (const code of TEMPLATE_CODES) {
    await CouponTemplateModel.updateOne(
      { code },
      { $setOnInsert: { code, title: `券 ${code}`, description: '', type: 'percent_off', amountOffFen: null, percentOff: 10, minSpendFen: 0, freeItemName: null, validDays: 30, active: true, createdAt: now } },
      { upsert: true },
    );
  }
}
