/**
 * A clock that an end-to-end run can move forward (a campaign's T-7 and T-0 a week apart, within one run). It is
 * the BFF's `deps.now` only when TEST_CLOCK=true, which production refuses (config.ts); time keeps flowing from
 * wherever it was moved to. It never moves back: leases, due dates and sessions stamped "now" must stay in the past.
 * WeChat (the sandbox) keeps real time: after a move, its pushes are refused as stale, which a journey tolerates
 * (a send is settled by WeChat's answer; the sent receipt only settles a crashed send).
 */
export interface TestClock {
  now: () => Date;
  /** Moves the clock to `target`; false (and no move) when `target` is earlier than the clock's now. */
  moveTo: (target: Date) => boolean;
}

export function createTestClock(realNow: () => number = Date.now): TestClock {
  let offsetMs = 0;
  const now = (): Date => new Date(realNow() + offsetMs);
  return {
    now,
    moveTo(target) {
      const current = now().getTime();
      if (target.getTime() < current) return false;
      offsetMs += target.getTime() - current;
      return true;
    },
  };
}
