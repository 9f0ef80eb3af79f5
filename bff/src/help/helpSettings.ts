import { helpGoalFor, type HelpGoals, type TierLevel } from '@cakeday/shared';
import type { Config } from '../config/config';
import { CouponTemplateModel } from '../coupons/CouponTemplate.model';

export function helpGoalsFrom(config: Config): HelpGoals {
  return { basic: config.HELP_GOAL_BASIC, gold: config.HELP_GOAL_GOLD, diamond: config.HELP_GOAL_DIAMOND };
}

export function helpGoal(config: Config, tier: TierLevel): number {
  return helpGoalFor(tier, helpGoalsFrom(config));
}

/** The gift a campaign unlocks, described by its coupon template (copied into the campaign when it starts). */
export async function helpGift(config: Config): Promise<{ title: string; description: string; templateCode: string }> {
  const template = await CouponTemplateModel.findOne({ code: config.HELP_GIFT_TEMPLATE_CODE }, { title: 1, description: 1 }).lean();
  return {
    title: template?.title ?? '生日助力礼',
    description: template?.description ?? '好友助力解锁的生日礼券',
    templateCode: config.HELP_GIFT_TEMPLATE_CODE,
  };
}
