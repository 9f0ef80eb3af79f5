import type { AnalyticsEvent } from '../analytics/rollups.rules.js';
import { applyCampaignEvent, type CampaignTouch } from './campaignResults.rules.js';

const day = (n: number, hour = 10) => new Date(Date.UTC(2026, 10, n, hour - 8));
const event = (type: AnalyticsEvent['type'], at: Date, props: AnalyticsEvent['props'] = {}, subject: AnalyticsEvent['subject'] = null): AnalyticsEvent => ({ key: `${type}:${at.getTime()}`, type, at, memberId: 'm1', subject, props });

/** Runs events through the rule as the consumer does, summing the credits per campaign:variant. */
function play(events: AnalyticsEvent[], windowDays = 7): { touches: CampaignTouch[]; totals: Record<string, Record<string, number>> } {
  let touches: CampaignTouch[] = [];
  const totals: Record<string, Record<string, number>> = {};
  for (const next of events) {
    const applied = applyCampaignEvent(touches, next, windowDays);
    touches = applied.touches;
    for (const credit of applied.credits) {
      const bucket = (totals[`${credit.campaignId}:${credit.variant}`] ??= {});
      for (const [name, amount] of Object.entries(credit.increments)) bucket[name] = (bucket[name] ?? 0) + amount;
    }
  }
  return { touches, totals };
}

describe('campaign results from events', () => {
  it('counts each step once per member, and a purchase within the window as a conversion with its GMV', () => {
    const { totals } = play([
      event('campaign.assigned', day(1), { campaignId: 'c1', variant: 'warm' }),
      event('campaign.assigned', day(1), { campaignId: 'c1', variant: 'warm' }),
      event('message.sent', day(2), { campaignId: 'c1' }),
      event('message.opened', day(2, 12), { campaignId: 'c1' }),
      event('message.opened', day(3), { campaignId: 'c1' }),
      event('benefit.claimed', day(3)),
      event('coupon.used', day(4)),
      event('order.paid', day(5), { cashFen: 12_800 }, { type: 'order', id: 'o1' }),
      event('order.paid', day(6), { cashFen: 5_000 }, { type: 'order', id: 'o2' }),
    ]);
    expect(totals['c1:warm']).toEqual({ assigned: 1, reached: 1, delivered: 1, opened: 1, claimed: 1, used: 1, converted: 1, gmvFen: 17_800, attributedOrders: 2 });
  });

  it('gives one credit per campaign variant for an event (the consumer applies an event to a document once)', () => {
    const { credits } = applyCampaignEvent([], event('campaign.assigned', day(1), { campaignId: 'c1', variant: 'main' }), 7);
    expect(credits).toEqual([{ campaignId: 'c1', variant: 'main', increments: { assigned: 1, reached: 1 } }]);
  });

  it('a held-out member is assigned, never reached or delivered, and converts for the control group without GMV', () => {
    const { totals } = play([event('campaign.assigned', day(1), { campaignId: 'c1', variant: 'holdout' }), event('message.sent', day(1), { campaignId: 'c1' }), event('order.paid', day(3), { cashFen: 9_900 }, { type: 'order', id: 'o1' })]);
    expect(totals['c1:holdout']).toEqual({ assigned: 1, converted: 1 });
  });

  it('GMV goes to the last campaign that delivered within the window; a purchase after the window counts for none', () => {
    const { totals } = play([
      event('campaign.assigned', day(1), { campaignId: 'c1', variant: 'main' }),
      event('message.sent', day(1), { campaignId: 'c1' }),
      event('campaign.assigned', day(3), { campaignId: 'c2', variant: 'main' }),
      event('message.sent', day(3), { campaignId: 'c2' }),
      event('order.paid', day(5), { cashFen: 10_000 }, { type: 'order', id: 'o1' }),
      // 7 days and 1 hour after c2's message: outside both windows.
      event('order.paid', day(10, 11), { cashFen: 20_000 }, { type: 'order', id: 'o2' }),
    ]);
    expect(totals['c1:main']).toMatchObject({ converted: 1 });
    expect(totals['c1:main']?.gmvFen).toBeUndefined();
    expect(totals['c2:main']).toMatchObject({ converted: 1, gmvFen: 10_000, attributedOrders: 1 });
  });

  it('the window is a setting: ten days take in the later purchase', () => {
    const { totals } = play([event('campaign.assigned', day(1), { campaignId: 'c1', variant: 'main' }), event('message.sent', day(1), { campaignId: 'c1' }), event('order.paid', day(9), { cashFen: 10_000 }, { type: 'order', id: 'o1' })], 10);
    expect(totals['c1:main']).toMatchObject({ converted: 1, gmvFen: 10_000 });
    expect(play([event('campaign.assigned', day(1), { campaignId: 'c1', variant: 'main' }), event('message.sent', day(1), { campaignId: 'c1' }), event('order.paid', day(9), { cashFen: 10_000 }, { type: 'order', id: 'o1' })]).totals['c1:main']).not.toHaveProperty('converted');
  });

  it('events before the assignment and events of campaigns the member is not in change nothing', () => {
    const { totals, touches } = play([event('order.paid', day(1), { cashFen: 100 }, { type: 'order', id: 'o0' }), event('message.sent', day(1), { campaignId: 'c9' }), event('campaign.assigned', day(2), { campaignId: 'c1', variant: 'main' }), event('benefit.claimed', day(1, 23))]);
    expect(totals).toEqual({ 'c1:main': { assigned: 1, reached: 1 } });
    expect(touches).toHaveLength(1);
  });
});
