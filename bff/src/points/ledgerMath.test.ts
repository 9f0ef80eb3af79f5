import { applyClawback, applyEarn, applyExpire, applySpend, type AccountState, type PointsLot } from './ledgerMath';

const lot = (lotId: string, remaining: number, expiresAt: string): PointsLot => ({
  lotId,
  earnedAt: new Date('2026-01-01T00:00:00Z'),
  expiresAt: new Date(expiresAt),
  amount: remaining,
  remaining,
});
const at = new Date('2026-06-01T00:00:00Z');
const sumOf = (state: { lots: PointsLot[] }): number => state.lots.reduce((sum, item) => sum + item.remaining, 0);

describe('ledger arithmetic keeps lots = max(balance, 0) and no lot below zero', () => {
  const two: AccountState = { balance: 150, lots: [lot('late', 100, '2028-01-01T00:00:00Z'), lot('early', 50, '2027-01-01T00:00:00Z')] };

  it.each([
    ['spend within the earliest lot', 30, { early: 20, late: 100 }],
    ['spend across lots, earliest first', 80, { late: 70 }],
    ['spend everything', 150, {}],
  ])('%s', (_label, amount, remaining) => {
    const result = applySpend(two, amount, at);
    if (!result.ok) throw new Error('refused');
    expect(Object.fromEntries(result.lots.map((item) => [item.lotId, item.remaining]))).toEqual(remaining);
    expect(sumOf(result)).toBe(result.balance);
  });

  it.each([
    ['more than the balance', { balance: 10, lots: [lot('a', 10, '2027-01-01T00:00:00Z')] }, 11, 'POINTS_INSUFFICIENT'],
    ['a negative balance', { balance: -5, lots: [] }, 1, 'POINTS_BALANCE_NEGATIVE'],
    ['only expired lots', { balance: 10, lots: [lot('a', 10, '2026-01-01T00:00:00Z')] }, 5, 'POINTS_INSUFFICIENT'],
  ])('refuses to spend with %s', (_label, state, amount, reason) => {
    expect(applySpend(state, amount, at)).toEqual({ ok: false, reason });
  });

  it('claws back from the source lot first, then others, then into debt; earning repays debt first', () => {
    const clawed = applyClawback(two, 120, 'late');
    expect(clawed).toMatchObject({ balance: 30, lots: [expect.objectContaining({ lotId: 'early', remaining: 30 })] });
    const inDebt = applyClawback({ balance: clawed.balance, lots: clawed.lots }, 50, 'gone');
    expect(inDebt).toMatchObject({ balance: -20, lots: [] });
    const repaid = applyEarn({ balance: -20, lots: [] }, { lotId: 'new', earnedAt: at, expiresAt: new Date('2028-01-01T00:00:00Z'), amount: 50 });
    expect(repaid).toMatchObject({ delta: 50, balance: 30, lots: [expect.objectContaining({ lotId: 'new', amount: 50, remaining: 30 })] });
  });

  it('expires a lot only once its expiry has passed', () => {
    expect(applyExpire(two, 'early', new Date('2026-12-31T23:59:59Z'))).toMatchObject({ delta: 0, balance: 150 });
    expect(applyExpire(two, 'early', new Date('2027-01-01T00:00:00Z'))).toMatchObject({ delta: -50, balance: 100, lots: [expect.objectContaining({ lotId: 'late' })] });
  });
});
