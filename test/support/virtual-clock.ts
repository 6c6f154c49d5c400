/**
 * A clock that only moves when everyone waits: sleeps are timers on a virtual timeline,
 * and run() jumps to the earliest one whenever the code under test is idle. Waits are
 * exact and instant, so pacing tests assert on times without real sleeps.
 */
export interface VirtualClock {
  readonly clock: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Timers waiting. */
  readonly sleeping: number;
  /**
   * Moves time until `done` settles. `idle` says when nothing but a timer can make progress
   * (default: after the event loop has had a turn, enough when no I/O is involved).
   */
  run<T>(done: Promise<T>, idle?: () => boolean): Promise<T>;
}

export function virtualClock(start = 0): VirtualClock {
  let now = start;
  const timers: Array<{ at: number; resolve: () => void }> = [];
  return {
    clock: () => now,
    sleep: (ms) => new Promise<void>((resolve) => timers.push({ at: now + Math.max(0, ms), resolve })),
    get sleeping() {
      return timers.length;
    },
    async run(done, idle = () => true) {
      let finished = false;
      const settled = done.finally(() => (finished = true));
      const giveUp = Date.now() + 60_000;
      while (!finished) {
        await new Promise((r) => setTimeout(r, 0));
        if (Date.now() > giveUp) throw new Error('virtual clock: nothing moved for a minute of real time');
        if (finished || timers.length === 0 || !idle()) continue;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        now = Math.max(now, next.at);
        next.resolve();
      }
      return settled;
    },
  };
}

/** Most stamps in any window of `windowMs` (a stamp at t counts in (t - windowMs, t]). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}
