import type { AnalyticsEvent } from '../analytics/rollups.rules.js';
import { purchaseOf } from '../analytics/rollups.rules.js';

/**
 * A campaign's results, counted once per member from the event outbox: `assigned` (in the audience, holdout
 * included), `reached` (assigned to a variant, not held out), `delivered` (WeChat accepted the message), `opened`,
 * `claimed` (a birthday benefit) and `used` (a coupon) and `converted` (a paid purchase) within the attribution
 * window after the assignment. GMV goes to the last campaign that delivered to the member within the window.
 */
export const CAMPAIGN_RESULT_STEPS = ['assigned', 'reached', 'delivered', 'opened', 'claimed', 'used', 'converted'] as const;
export type CampaignResultStep = (typeof CAMPAIGN_RESULT_STEPS)[number];

/** The funnel ops read: reached → delivered → opened → claimed → used. */
export const CAMPAIGN_FUNNEL_STEPS = ['reached', 'delivered', 'opened', 'claimed', 'used'] as const;
export type CampaignFunnelStep = (typeof CAMPAIGN_FUNNEL_STEPS)[number];
export const campaignFunnelStepNames: Record<CampaignFunnelStep, string> = { reached: '触达', delivered: '送达', opened: '打开', claimed: '领取', used: '使用' };

/** The variant key of members held out of a campaign (they get nothing; the control group of its lift). */
export const HOLDOUT_VARIANT = 'holdout';
/** The variant key of a campaign without variants. */
export const DEFAULT_VARIANT = 'main';

/** One campaign a member was assigned to, as the results consumer remembers it. */
export interface CampaignTouch {
  campaignId: string;
  variant: string;
  assignedAt: Date;
  deliveredAt: Date | null;
  steps: CampaignResultStep[];
}

export interface CampaignCredit {
  campaignId: string;
  variant: string;
  /** Counter → amount: a step (1), `gmvFen` and `attributedOrders`. */
  increments: Record<string, number>;
}

/** How many campaigns a member's touches keep (the oldest fall out: their windows are long closed). */
export const CAMPAIGN_TOUCHES_KEPT = 30;
const DAY_MS = 86_400_000;

const stringProp = (event: AnalyticsEvent, name: string): string | null => {
  const value = event.props[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
};

const STEP_OF_EVENT: Partial<Record<AnalyticsEvent['type'], CampaignResultStep>> = {
  'benefit.claimed': 'claimed',
  'coupon.used': 'used',
  'order.paid': 'converted',
  'purchase.recorded': 'converted',
};

/**
 * What one event changes: the member's touches after it, and the counters to add per campaign variant. Pure: the
 * consumer applies it once per event (guards by event id), so nothing here is counted twice for a member.
 */
export function applyCampaignEvent(touches: readonly CampaignTouch[], event: AnalyticsEvent, windowDays: number): { touches: CampaignTouch[]; credits: CampaignCredit[] } {
  const next = touches.map((touch) => ({ ...touch, steps: [...touch.steps] }));
  const credits: CampaignCredit[] = [];
  // One credit per campaign variant and event: the consumer guards each results document by the event's id.
  const credit = (touch: CampaignTouch, increments: Record<string, number>) => {
    const existing = credits.find((candidate) => candidate.campaignId === touch.campaignId && candidate.variant === touch.variant);
    if (!existing) credits.push({ campaignId: touch.campaignId, variant: touch.variant, increments: { ...increments } });
    else for (const [name, amount] of Object.entries(increments)) existing.increments[name] = (existing.increments[name] ?? 0) + amount;
  };
  const step = (touch: CampaignTouch, name: CampaignResultStep) => {
    if (touch.steps.includes(name)) return;
    touch.steps.push(name);
    credit(touch, { [name]: 1 });
  };
  const campaignId = stringProp(event, 'campaignId');
  const own = campaignId ? next.find((touch) => touch.campaignId === campaignId) : undefined;

  if (event.type === 'campaign.assigned' && campaignId) {
    if (own) return { touches: next, credits };
    const variant = stringProp(event, 'variant') ?? DEFAULT_VARIANT;
    const touch: CampaignTouch = { campaignId, variant, assignedAt: event.at, deliveredAt: null, steps: [] };
    step(touch, 'assigned');
    if (variant !== HOLDOUT_VARIANT) step(touch, 'reached');
    return { touches: [...next, touch].slice(-CAMPAIGN_TOUCHES_KEPT), credits };
  }
  if (event.type === 'message.sent' && own && own.variant !== HOLDOUT_VARIANT) {
    if (!own.steps.includes('delivered')) own.deliveredAt = event.at;
    step(own, 'delivered');
    return { touches: next, credits };
  }
  if (event.type === 'message.opened' && own && own.variant !== HOLDOUT_VARIANT) {
    step(own, 'opened');
    return { touches: next, credits };
  }
  const outcome = STEP_OF_EVENT[event.type];
  if (!outcome) return { touches: next, credits };
  const within = (since: Date | null) => since !== null && event.at >= since && event.at.getTime() - since.getTime() <= windowDays * DAY_MS;
  for (const touch of next) if (within(touch.assignedAt)) step(touch, outcome);
  const purchase = purchaseOf(event);
  if (purchase && purchase.fen > 0) {
    const lastTouch = next.filter((touch) => within(touch.deliveredAt)).sort((a, b) => (b.deliveredAt?.getTime() ?? 0) - (a.deliveredAt?.getTime() ?? 0))[0];
    if (lastTouch) credit(lastTouch, { gmvFen: purchase.fen, attributedOrders: 1 });
  }
  return { touches: next, credits };
}
