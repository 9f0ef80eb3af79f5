/**
 * Pure arithmetic of a points account: what one ledger entry does to the balance and the lots.
 * Invariant kept by every function: the lots' remaining points add up to max(balance, 0), and no lot
 * is ever below zero. A negative balance is a debt (a refund clawed back points already spent); new
 * points repay it before they form a lot.
 */
export interface PointsLot {
  lotId: string;
  earnedAt: Date;
  expiresAt: Date;
  amount: number;
  remaining: number;
}

export interface Allocation {
  lotId: string;
  amount: number;
}

export interface AccountState {
  balance: number;
  lots: PointsLot[];
}

export interface AppliedChange {
  ok: true;
  delta: number;
  balance: number;
  lots: PointsLot[];
  /** Which lots gave (negative) or received (positive) points. */
  allocations: Allocation[];
}

export type Refusal = { ok: false; reason: 'POINTS_INSUFFICIENT' | 'POINTS_BALANCE_NEGATIVE' };

function byExpiry(a: PointsLot, b: PointsLot): number {
  return a.expiresAt.getTime() - b.expiresAt.getTime() || a.earnedAt.getTime() - b.earnedAt.getTime();
}

/** Drops emptied lots so that the account document stays small; their history is in the ledger. */
function withoutEmpty(lots: PointsLot[]): PointsLot[] {
  return lots.filter((lot) => lot.remaining > 0);
}

function credit(state: AccountState, lot: PointsLot): AppliedChange {
  const debt = Math.max(0, -state.balance);
  const intoLot = Math.max(0, lot.amount - debt);
  const lots = intoLot > 0 ? [...state.lots, { ...lot, remaining: intoLot }] : state.lots;
  return {
    ok: true,
    delta: lot.amount,
    balance: state.balance + lot.amount,
    lots: withoutEmpty(lots).sort(byExpiry),
    allocations: intoLot > 0 ? [{ lotId: lot.lotId, amount: intoLot }] : [],
  };
}

/** Takes up to `amount` from the given lots in order; returns what each gave. */
function burn(lots: PointsLot[], order: string[], amount: number): { lots: PointsLot[]; allocations: Allocation[]; taken: number } {
  const next = lots.map((lot) => ({ ...lot }));
  const allocations: Allocation[] = [];
  let left = amount;
  for (const lotId of order) {
    if (left === 0) break;
    const lot = next.find((candidate) => candidate.lotId === lotId);
    if (!lot || lot.remaining === 0) continue;
    const take = Math.min(lot.remaining, left);
    lot.remaining -= take;
    left -= take;
    allocations.push({ lotId, amount: -take });
  }
  return { lots: withoutEmpty(next), allocations, taken: amount - left };
}

export function applyEarn(state: AccountState, lot: Omit<PointsLot, 'remaining'>): AppliedChange {
  return credit(state, { ...lot, remaining: lot.amount });
}

/** Spends from the lots expiring first; expired lots (not yet swept by the expiry job) cannot be spent. */
export function applySpend(state: AccountState, amount: number, at: Date): AppliedChange | Refusal {
  if (state.balance < 0) return { ok: false, reason: 'POINTS_BALANCE_NEGATIVE' };
  const spendable = [...state.lots].filter((lot) => lot.expiresAt.getTime() > at.getTime()).sort(byExpiry);
  const available = spendable.reduce((sum, lot) => sum + lot.remaining, 0);
  if (state.balance < amount || available < amount) return { ok: false, reason: 'POINTS_INSUFFICIENT' };
  const burned = burn(state.lots, spendable.map((lot) => lot.lotId), amount);
  return { ok: true, delta: -amount, balance: state.balance - amount, lots: burned.lots, allocations: burned.allocations };
}

/**
 * Claws back earned points: first from the lot they formed, then from the lots expiring first; what is no
 * longer there (already spent) becomes a negative balance.
 */
export function applyClawback(state: AccountState, amount: number, sourceLotId: string): AppliedChange {
  const others = [...state.lots].sort(byExpiry).map((lot) => lot.lotId).filter((lotId) => lotId !== sourceLotId);
  const burned = burn(state.lots, [sourceLotId, ...others], amount);
  return { ok: true, delta: -amount, balance: state.balance - amount, lots: burned.lots, allocations: burned.allocations };
}

/** Gives spent points back to the lots they came from (re-formed under a new id, keeping their expiry). */
export function applyRestore(state: AccountState, restored: PointsLot[]): AppliedChange {
  let current: AppliedChange = { ok: true, delta: 0, balance: state.balance, lots: state.lots, allocations: [] };
  for (const lot of restored) {
    const step = credit(current, lot);
    current = { ...step, delta: current.delta + step.delta, allocations: [...current.allocations, ...step.allocations] };
  }
  return current;
}

/** Moves a lot's remaining points out once it has expired; nothing happens to a lot that is gone. */
export function applyExpire(state: AccountState, lotId: string, at: Date): AppliedChange {
  const lot = state.lots.find((candidate) => candidate.lotId === lotId && candidate.expiresAt.getTime() <= at.getTime());
  if (!lot) return { ok: true, delta: 0, balance: state.balance, lots: state.lots, allocations: [] };
  return {
    ok: true,
    delta: -lot.remaining,
    balance: state.balance - lot.remaining,
    lots: state.lots.filter((candidate) => candidate.lotId !== lotId),
    allocations: [{ lotId, amount: -lot.remaining }],
  };
}

/** Points in lots that expire before the cutoff (and have not yet). */
export function expiringBefore(lots: PointsLot[], now: Date, cutoff: Date): { points: number; firstExpiresAt: Date | null } {
  const soon = lots.filter((lot) => lot.expiresAt.getTime() > now.getTime() && lot.expiresAt.getTime() <= cutoff.getTime());
  const first = soon.reduce<Date | null>((earliest, lot) => (!earliest || lot.expiresAt < earliest ? lot.expiresAt : earliest), null);
  return { points: soon.reduce((sum, lot) => sum + lot.remaining, 0), firstExpiresAt: first };
}
