import { businessInstant } from '../time/businessTime.js';
import { funnelConversion, funnelStepOf } from './funnels.rules.js';
import type { AnalyticsEvent } from './rollups.rules.js';

const event = (overrides: Partial<AnalyticsEvent>): AnalyticsEvent => ({
  key: 'k',
  type: 'benefit.claimed',
  at: businessInstant('2026-01-01T00:30:00'),
  memberId: 'm1',
  subject: null,
  props: {},
  ...overrides,
});

describe('the birthday funnel', () => {
  it.each<[string, Partial<AnalyticsEvent>, string | null]>([
    ['a birthday message sent', { type: 'message.sent', props: { purpose: 'birthday' } }, 'reach'],
    ['another message sent', { type: 'message.sent', props: { purpose: 'campaign' } }, null],
    ['a birthday message opened', { type: 'message.opened', props: { purpose: 'birthday' } }, 'open'],
    ['the birthday page viewed', { type: 'page.viewed', subject: { type: 'page', id: 'pages/birthday/index' } }, 'open'],
    ['another page viewed', { type: 'page.viewed', subject: { type: 'page', id: 'pages/mall/index' } }, null],
    ['a benefit claimed', { type: 'benefit.claimed' }, 'claim'],
    ['a birthday coupon used', { type: 'coupon.used', props: { source: 'birthday' } }, 'use'],
    ['a mall coupon used', { type: 'coupon.used', props: { source: 'redemption' } }, null],
    ['a visitor', { type: 'page.viewed', memberId: null, subject: { type: 'page', id: 'pages/birthday/index' } }, null],
  ])('%s → %s', (_case, overrides, step) => {
    expect(funnelStepOf(event(overrides))?.step ?? null).toBe(step);
  });

  it('runs once a year, by the Shanghai year (00:30 on 1 January is already the new round)', () => {
    expect(funnelStepOf(event({}))).toEqual({ funnel: 'birthday', round: '2026', step: 'claim' });
    expect(funnelStepOf(event({ at: businessInstant('2025-12-31T23:59:00') }))?.round).toBe('2025');
  });

  it('converts between steps in per mille, and says nothing when a step before had nobody', () => {
    expect(funnelConversion('birthday', { reach: 1000, open: 600, claim: 300, use: 100 })).toEqual([
      { step: 'reach', members: 1000, fromPreviousPermille: null, fromFirstPermille: null },
      { step: 'open', members: 600, fromPreviousPermille: 600, fromFirstPermille: 600 },
      { step: 'claim', members: 300, fromPreviousPermille: 500, fromFirstPermille: 300 },
      { step: 'use', members: 100, fromPreviousPermille: 333, fromFirstPermille: 100 },
    ]);
    expect(funnelConversion('birthday', { claim: 3 }).map((step) => step.fromPreviousPermille)).toEqual([null, null, null, 0]);
  });
});
