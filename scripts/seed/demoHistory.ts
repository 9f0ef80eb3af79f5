import { analyticsDay, campaignVariantFor, seededRandom, type AnalyticsEvent, type CampaignDesign, type TierLevel } from '@cakeday/shared';

/**
 * A few months of a bakery chain's activity, simulated: members joining, buying at their own pace (regulars,
 * occasional buyers, members gone quiet, lost ones), the birthday programme (reminder → open → claim → use) and a
 * win-back campaign with two message variants and a holdout. Deterministic: the same seed gives the same history.
 * The events are what the commands would have written; demoHistorySeeder folds them with the consumers' own rules.
 */
export const DEMO_HISTORY_MEMBERS = 3000;
export const DEMO_HISTORY_DAYS = 120;
export const DEMO_CAMPAIGN_ID = '64e100000000000000000001';
export const DEMO_CAMPAIGN_NAME = '双十一 · 唤醒老顾客（演示）';
export const DEMO_CAMPAIGN_VARIANTS = [
  { key: 'plain', name: '平实版', weight: 1, thing3: '进店出示会员码领取' },
  { key: 'warm', name: '温暖版', weight: 1, thing3: '好久不见，给你留了礼物' },
] as const;

const DAY_MS = 86_400_000;

export interface DemoMember {
  id: string;
  openid: string;
  joinedAt: Date;
  tier: TierLevel;
  birthday: { month: number; day: number };
  marketingConsent: boolean;
}

export interface DemoHistory {
  members: DemoMember[];
  events: AnalyticsEvent[];
  campaign: { sendAt: Date; audience: number; design: CampaignDesign };
}

type Persona = 'regular' | 'occasional' | 'sleeping' | 'lost';

/** 24 hex digits from a prefix and a number: stable ids, so seeding again finds the same documents. */
export const demoId = (prefix: string, n: number): string => `${prefix}${n.toString(16).padStart(24 - prefix.length, '0')}`;

export function simulateDemoHistory(now: Date, seed = 'cakeday-demo'): DemoHistory {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const start = now.getTime() - DEMO_HISTORY_DAYS * DAY_MS;
  const events: AnalyticsEvent[] = [];
  const members: DemoMember[] = [];
  let serial = 0;
  const event = (type: AnalyticsEvent['type'], at: Date, memberId: string, props: AnalyticsEvent['props'] = {}, subject: AnalyticsEvent['subject'] = null) => {
    serial += 1;
    events.push({ key: `seed-history:${type}:${serial}`, type, at, memberId, subject, props });
  };
  const purchase = (memberId: string, at: Date, fen: number) => event('order.paid', at, memberId, { cashFen: fen }, { type: 'order', id: demoId('64e3', serial + 1) });

  for (let index = 0; index < DEMO_HISTORY_MEMBERS; index += 1) {
    const id = demoId('64e2', index + 1);
    const joinedAt = new Date(random() < 0.7 ? now.getTime() - between(DEMO_HISTORY_DAYS + 1, 720) * DAY_MS : start + random() * DEMO_HISTORY_DAYS * DAY_MS);
    const tierDraw = random();
    const member: DemoMember = {
      id,
      openid: `seed-history-${index + 1}`,
      joinedAt,
      tier: tierDraw < 0.05 ? 'diamond' : tierDraw < 0.25 ? 'gold' : 'basic',
      birthday: { month: between(1, 12), day: between(1, 28) },
      marketingConsent: random() < 0.7,
    };
    members.push(member);
    if (joinedAt.getTime() >= start) event('member.joined', joinedAt, id);
    const personaDraw = random();
    const persona: Persona = personaDraw < 0.35 ? 'regular' : personaDraw < 0.65 ? 'occasional' : personaDraw < 0.9 ? 'sleeping' : 'lost';
    const firstDay = Math.max(joinedAt.getTime(), now.getTime() - 365 * DAY_MS);
    if (persona === 'regular' || persona === 'occasional') {
      const [low, high] = persona === 'regular' ? [8, 25] : [35, 75];
      for (let at = firstDay + between(1, high) * DAY_MS; at < now.getTime(); at += between(low, high) * DAY_MS) purchase(id, new Date(at), between(30, 300) * 100);
    } else if (persona === 'sleeping') {
      // Bought a few times, then nothing for three to six months.
      const last = now.getTime() - between(95, 170) * DAY_MS;
      for (let at = last; at >= firstDay && at > last - 200 * DAY_MS; at -= between(20, 60) * DAY_MS) purchase(id, new Date(at), between(30, 200) * 100);
    }
    birthdayRound(member, now, start, random, event, purchase);
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const campaign = winBackCampaign(members, events, now, random, event, purchase);
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { members, events, campaign };
}

type Emit = (type: AnalyticsEvent['type'], at: Date, memberId: string, props?: AnalyticsEvent['props'], subject?: AnalyticsEvent['subject']) => void;
type Buy = (memberId: string, at: Date, fen: number) => void;

/** The birthday programme for members whose birthday fell in the window: T-7 reminder, open, claim, use at a store. */
function birthdayRound(member: DemoMember, now: Date, start: number, random: () => number, event: Emit, purchase: Buy): void {
  const year = Number(analyticsDay(now).slice(0, 4));
  const candidates = [year - 1, year].map((y) => Date.UTC(y, member.birthday.month - 1, member.birthday.day, 2));
  const celebration = candidates.find((at) => at >= start && at <= now.getTime());
  if (celebration === undefined || member.joinedAt.getTime() > celebration - 7 * DAY_MS) return;
  const reminded = new Date(celebration - 7 * DAY_MS);
  if (reminded.getTime() < start || random() > 0.85) return;
  event('message.sent', reminded, member.id, { purpose: 'birthday' });
  if (random() > 0.58) return;
  const opened = new Date(reminded.getTime() + Math.floor(random() * 2 * DAY_MS));
  event('message.opened', opened, member.id, { purpose: 'birthday' });
  if (random() > 0.62) return;
  const claimed = new Date(opened.getTime() + Math.floor(random() * 3 * DAY_MS));
  if (claimed > now) return;
  event('benefit.claimed', claimed, member.id, { packageCode: 'birthday-basic' });
  if (random() > 0.58) return;
  const used = new Date(claimed.getTime() + Math.floor(random() * 6 * DAY_MS));
  if (used > now) return;
  event('coupon.used', used, member.id, { source: 'birthday' });
  purchase(member.id, used, (Math.floor(random() * 200) + 60) * 100);
}

/** 30 days ago: a push to members who had not bought for 60 days, split between two messages behind a 20% holdout. */
function winBackCampaign(members: DemoMember[], events: AnalyticsEvent[], now: Date, random: () => number, event: Emit, purchase: Buy): DemoHistory['campaign'] {
  const sendAt = new Date(now.getTime() - 30 * DAY_MS);
  const lastPurchase = new Map<string, number>();
  for (const past of events) if (past.type === 'order.paid' && past.memberId && past.at < sendAt) lastPurchase.set(past.memberId, past.at.getTime());
  const design: CampaignDesign = { id: DEMO_CAMPAIGN_ID, holdoutPermille: 200, variants: DEMO_CAMPAIGN_VARIANTS.map(({ key, weight }) => ({ key, weight })), allocation: 'split' };
  // Purchase within 7 days: 4% of the held-out members would have bought anyway; the messages add to it.
  const buys: Record<string, number> = { holdout: 0.04, plain: 0.08, warm: 0.14 };
  const opens: Record<string, number> = { plain: 0.3, warm: 0.42 };
  let audience = 0;
  for (const member of members) {
    const last = lastPurchase.get(member.id);
    if (member.joinedAt > sendAt || last === undefined || sendAt.getTime() - last < 60 * DAY_MS) continue;
    audience += 1;
    const variant = campaignVariantFor(design, member.id);
    event('campaign.assigned', sendAt, member.id, { campaignId: DEMO_CAMPAIGN_ID, variant });
    if (variant !== 'holdout' && member.marketingConsent && random() < 0.9) {
      event('message.sent', sendAt, member.id, { purpose: 'campaign', campaignId: DEMO_CAMPAIGN_ID, variant });
      if (random() < (opens[variant] ?? 0)) event('message.opened', new Date(sendAt.getTime() + Math.floor(random() * DAY_MS)), member.id, { purpose: 'campaign', campaignId: DEMO_CAMPAIGN_ID, variant });
    }
    if (random() < (buys[variant] ?? 0)) purchase(member.id, new Date(sendAt.getTime() + Math.floor((0.2 + random() * 6.5) * DAY_MS)), (Math.floor(random() * 150) + 40) * 100);
  }
  return { sendAt, audience, design };
}
