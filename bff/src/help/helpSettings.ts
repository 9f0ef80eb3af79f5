import { helpGoalFor, type ProgramSettings, type TierLevel } from '@cakeday/shared';
import { CouponTemplateModel } from '../coupons/CouponTemplate.model';

/** Friends a member of this tier needs, by the program settings (a campaign keeps the goal it started with). */
export function helpGoal(settings: ProgramSettings, tier: TierLevel): number {
  return helpGoalFor(tier, settings.help.goals);
}

/** The gift a campaign unlocks, described by its coupon template (copied into the campaign when it starts). */
export async function helpGift(settings: ProgramSettings): Promise<{ title: string; description: string; templateCode: string }> {
  const templateCode = settings.help.giftTemplateCode;
  const template = await CouponTemplateModel.findOne({ code: templateCode }, { title: 1, description: 1 }).lean();
  return {
    title: template?.title ?? '生日助力礼',
    description: template?.description ?? '好友助力解锁的生日礼券',
    templateCode,
  };
}
