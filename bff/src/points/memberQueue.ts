import type { AppDeps } from '../http/deps';

/**
 * Runs one ledger change per member at a time inside one BFF instance. Not needed for correctness (the
 * account's compare-and-set is), but without it a burst of requests for one member spins on conflicts;
 * with it, only the instances contend with each other.
 */
export class MemberQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(memberId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(memberId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(memberId, tail);
    void tail.then(() => {
      if (this.tails.get(memberId) === tail) this.tails.delete(memberId);
    });
    return result;
  }
}

const queues = new WeakMap<AppDeps, MemberQueue>();

/** The queue of one app instance (its dependencies object). */
export function memberQueueFor(deps: AppDeps): MemberQueue {
  const existing = queues.get(deps);
  if (existing) return existing;
  const created = new MemberQueue();
  queues.set(deps, created);
  return created;
}
