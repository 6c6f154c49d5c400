/**
 * Paces sends to what a platform accepts: at most `ratePerSec` overall, evenly spaced
 * (no bursts), at least `perChatGapMs` between two messages to the same chat, and a
 * full stop while the platform has asked us to wait (429 retry_after).
 */
export interface PacerOptions {
  readonly ratePerSec: number;
  readonly perChatGapMs: number;
  /** Monotonic milliseconds; injectable for tests. */
  readonly clock?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface Pacer {
  /** Resolves when the caller may send one message to `chatKey`. */
  acquire(chatKey: string): Promise<void>;
  /** Nobody sends before now + ms (the platform said retry_after). */
  pause(ms: number): void;
}

export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export function createPacer(o: PacerOptions): Pacer {
  const clock = o.clock ?? (() => performance.now());
  const sleep = o.sleep ?? realSleep;
  const interval = 1000 / o.ratePerSec;
  const chatNext = new Map<string, number>();
  const queue: Array<() => void> = [];
  let nextFree = 0;
  let pausedUntil = 0;
  let pumping = false;

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const at = Math.max(nextFree, pausedUntil);
        const wait = at - clock();
        if (wait > 0) {
          await sleep(wait);
          continue; // a pause may have arrived meanwhile
        }
        // Keep an even schedule while busy; after idle time start afresh (never a burst).
        const now = clock();
        nextFree = (now - at > interval ? now : at) + interval;
        queue.shift()!();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    async acquire(chatKey) {
      const ready = chatNext.get(chatKey) ?? 0;
      // Reserve the chat's next slot before waiting, so two callers for one chat keep the gap.
      const mine = Math.max(ready, clock());
      chatNext.set(chatKey, mine + o.perChatGapMs);
      if (mine > clock()) await sleep(mine - clock());
      await new Promise<void>((resolve) => {
        queue.push(resolve);
        void pump();
      });
      if (chatNext.size > 10_000) {
        const now = clock();
        for (const [k, t] of chatNext) if (t < now) chatNext.delete(k);
      }
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock() + ms);
    },
  };
}
