import { businessInstant } from '../time/businessTime.js';
import { analyticsDay, dailyContributions, isMemberAction, purchaseOf, refundOf, type AnalyticsEvent } from './rollups.rules.js';

const event = (overrides: Partial<AnalyticsEvent>): AnalyticsEvent => ({ key: 'k', type: 'order.paid', at: new Date(0), memberId: 'm1', subject: { type: 'order', id: 'o1' }, props: {}, ...overrides });

describe('daily rollup contributions', () => {
  it.each<[Partial<AnalyticsEvent>, object]>([
    [{ type: 'member.joined' }, { newMembers: 1 }],
    [{ type: 'order.paid', props: { cashFen: 990 } }, { orders: 1, gmvFen: 990 }],
    [{ type: 'purchase.recorded', props: { amountFen: 12_800 } }, { orders: 1, gmvFen: 12_800 }],
    [{ type: 'order.refunded', props: { refundFen: 500 } }, { refundedFen: 500 }],
    [{ type: 'points.earned', props: { points: 30 } }, { pointsIssued: 30 }],
    [{ type: 'points.spent', props: { points: 200 } }, { pointsRedeemed: 200 }],
    [{ type: 'benefit.claimed' }, { benefitClaims: 1 }],
    // Amounts that are not whole positive numbers count as nothing rather than corrupting a total.
    [{ type: 'order.paid', props: { cashFen: '990' } }, { orders: 1, gmvFen: 0 }],
    [{ type: 'points.spent', props: { points: -5 } }, { pointsRedeemed: 0 }],
    [{ type: 'help.started' }, {}],
  ])('%j → %j', (overrides, contribution) => {
    expect(dailyContributions(event(overrides))).toEqual(contribution);
  });

  it('a business day is the Shanghai date', () => {
    expect(analyticsDay(new Date('2026-05-31T16:00:00.000Z'))).toBe('2026-06-01');
    expect(analyticsDay(businessInstant('2026-05-31T23:59:59'))).toBe('2026-05-31');
  });

  it('only the member’s own doing makes them active', () => {
    expect(isMemberAction(event({ type: 'page.viewed' }))).toBe(true);
    expect(isMemberAction(event({ type: 'message.sent' }))).toBe(false);
    expect(isMemberAction(event({ type: 'points.earned' }))).toBe(false);
    expect(isMemberAction(event({ type: 'page.viewed', memberId: null }))).toBe(false);
  });

  it('a purchase and its refund name the same key', () => {
    expect(purchaseOf(event({ props: { cashFen: 990 } }))).toEqual({ key: 'order:o1', fen: 990 });
    expect(refundOf(event({ type: 'order.refunded', props: { refundFen: 990 } }))).toEqual({ key: 'order:o1', fen: 990 });
    expect(purchaseOf(event({ type: 'order.refunded' }))).toBeNull();
  });
});
