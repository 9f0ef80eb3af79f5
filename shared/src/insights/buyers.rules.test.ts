import { businessInstant } from '../time/businessTime.js';
import { buyerContributions, emptyBuyerState, repeatKeyOf, repurchaseCounts, type BuyerState } from './buyers.rules.js';

type Order = { day: string; birthday: boolean | null; fen?: number };

/** A member's orders through buyerContributions, as the consumer applies them; the days' counts summed. */
function run(orders: Order[], windowDays = 30): Record<string, Record<string, number>> {
  let state: BuyerState = emptyBuyerState();
  const days: Record<string, Record<string, number>> = {};
  for (const order of orders) {
    const { counts, next } = buyerContributions(state, { day: order.day, at: businessInstant(`${order.day}T12:00:00`), fen: order.fen ?? 1000 }, order.birthday, windowDays);
    for (const [day, dayCounts] of Object.entries(counts)) {
      for (const [key, value] of Object.entries(dayCounts)) (days[day] ??= {})[key] = (days[day]?.[key] ?? 0) + value;
    }
    state = next;
  }
  return days;
}

describe('repurchase keys', () => {
  it('name the days back to the previous two orders', () => {
    expect(repeatKeyOf('2026-11-10', [])).toBe('n_n');
    expect(repeatKeyOf('2026-11-10', ['2026-11-08'])).toBe('2_n');
    expect(repeatKeyOf('2026-11-10', ['2026-11-01', '2026-11-10'])).toBe('0_9');
    expect(repeatKeyOf('2026-11-10', ['2024-01-01', '2026-11-09'])).toBe('1_n');
  });

  it('count members with one and with two orders in any range exactly', () => {
    // Member A: Nov 1, Nov 5, Nov 9. Member B: Nov 5. Member C: Oct 20, Nov 9.
    const orders = { a: ['2026-11-01', '2026-11-05', '2026-11-09'], b: ['2026-11-05'], c: ['2026-10-20', '2026-11-09'] };
    const repeatByDay: Record<string, Record<string, number>> = {};
    for (const days of Object.values(orders)) {
      for (const [day, counts] of Object.entries(run(days.map((day) => ({ day, birthday: null }))))) {
        for (const [key, value] of Object.entries(counts)) if (key.startsWith('repeat.')) (repeatByDay[day] ??= {})[key.slice(7)] = value + (repeatByDay[day]?.[key.slice(7)] ?? 0);
      }
    }
    const rangeOf = (from: string, to: string) =>
      repurchaseCounts(
        Object.entries(repeatByDay)
          .filter(([day]) => day >= from && day <= to)
          .map(([day, repeat]) => ({ offset: (Date.parse(day) - Date.parse(from)) / 86_400_000, repeat })),
      );
    // Nov 1–9: A (3 orders), B (1), C (1 in range): 3 buyers, 1 repeat.
    expect(rangeOf('2026-11-01', '2026-11-09')).toEqual({ buyers: 3, repeatBuyers: 1 });
    // Nov 5–9: A (2), B, C: 3 buyers, 1 repeat.
    expect(rangeOf('2026-11-05', '2026-11-09')).toEqual({ buyers: 3, repeatBuyers: 1 });
    // Oct 20 – Nov 9: everyone; A and C bought twice or more.
    expect(rangeOf('2026-10-20', '2026-11-09')).toEqual({ buyers: 3, repeatBuyers: 2 });
    // One day: Nov 9 has A and C once each.
    expect(rangeOf('2026-11-09', '2026-11-09')).toEqual({ buyers: 2, repeatBuyers: 0 });
  });

  it('count two orders on one day as a repeat that day', () => {
    const days = run([
      { day: '2026-11-09', birthday: null },
      { day: '2026-11-09', birthday: null },
      { day: '2026-11-09', birthday: null },
    ]);
    const repeat = Object.fromEntries(Object.entries(days['2026-11-09'] ?? {}).filter(([key]) => key.startsWith('repeat.')).map(([key, value]) => [key.slice(7), value]));
    expect(repurchaseCounts([{ offset: 0, repeat }])).toEqual({ buyers: 1, repeatBuyers: 1 });
  });
});

describe('birthday-month retention and GMV', () => {
  it('opens one member-month per month, retained by a later order within the window, counted on the base day', () => {
    const days = run([
      { day: '2026-11-03', birthday: true, fen: 5000 },
      { day: '2026-11-20', birthday: true, fen: 3000 },
      { day: '2026-12-25', birthday: false },
      { day: '2027-02-10', birthday: false },
    ]);
    expect(days['2026-11-03']).toEqual({ 'gmv.birthdayFen': 5000, 'repeat.n_n': 1, 'retention.birthdayBase': 1, 'retention.birthdayRetained': 1 });
    // Nov 20 is not a new month; Dec 25 is 52 days after Nov 3: December opens, nothing more retained.
    expect(days['2026-11-20']).toEqual({ 'gmv.birthdayFen': 3000, 'repeat.17_n': 1 });
    expect(days['2026-12-25']).toEqual({ 'repeat.35_52': 1, 'retention.otherBase': 1 });
    // 47 days after Dec 25: December is not retained.
    expect(days['2027-02-10']).toEqual({ 'repeat.47_82': 1, 'retention.otherBase': 1 });
  });

  it('leaves members without a birthday out of retention but counts their repurchases', () => {
    const days = run([
      { day: '2026-11-03', birthday: null },
      { day: '2026-11-04', birthday: null },
    ]);
    expect(days['2026-11-03']).toEqual({ 'repeat.n_n': 1 });
    expect(days['2026-11-04']).toEqual({ 'repeat.1_n': 1 });
  });
});
