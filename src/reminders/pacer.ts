/**
 * Paces sends to what a platform accepts. A sliding window like the platform's own:
 * never more than `ratePerSec` releases in any one second (plus a safety margin for
 * network jitter), a minimum gap so the second is not spent in one burst, at least
 * `perChatGapMs` between two messages to the same chat, and a full stop while the
 * platform has asked us to wait (429 retry_after). Because the window counts real
 * release times, a stall (a slow query, a GC pause) is made up afterwards without
 * ever exceeding the limit.
 */
export interface PacerOptions {
  /** At most this many messages in any one-second window (30 for Telegram). */
  readonly ratePerSec: number;
  readonly perChatGapMs: number;
  /** Added to the window against jitter between here and the platform. Default 40 ms. */
  readonly marginMs?: number;
  /** Smallest gap between two releases. Default 80 % of the even spacing. */
  readonly minGapMs?: number;
  /** Monotonic milliseconds; injectable for tests. */
  readonly clock?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface Pacer {
  /** Resolves when the caller may send one message to `chatKey`. */
  acquire(chatKey: string): Promise<void>;
  /** Nobody sends before now + ms (the platform said retry_after). */
  pause(ms: number): void;
  /**
   * Resolves just after the next release has had time to go out on the wire (or at
   * once when nobody waits). Blocking work, such as a query on the embedded database,
   * done then cannot hold a released request back and bunch it with the next ones.
   */
  settle(): Promise<void>;
  /** Lets every waiter go at once (shutting down: they check and hand their rows back). */
  drain(): void;
}

/** Time for a released request to be written to its socket. */
const SETTLE_MS = 4;

export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export function createPacer(o: PacerOptions): Pacer {
  const clock = o.clock ?? (() => performance.now());
  const sleep = o.sleep ?? realSleep;
  const limit = Math.max(1, Math.round(o.ratePerSec));
  const windowMs = (1000 * limit) / o.ratePerSec + (o.marginMs ?? 40);
  const minGap = o.minGapMs ?? (0.8 * 1000) / o.ratePerSec;
  const released: number[] = []; // the last `limit` release times
  const chatNext = new Map<string, number>();
  const queue: Array<() => void> = [];
  let onRelease: Array<() => void> = [];
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let pumping = false;
  let drained = false;

  let wake: () => void = () => undefined;
  const drainSignal = new Promise<void>((resolve) => (wake = resolve));

  const nextSlot = () => {
    let at = Math.max(pausedUntil, (released.at(-1) ?? Number.NEGATIVE_INFINITY) + minGap);
    if (released.length >= limit) at = Math.max(at, released[released.length - limit]! + windowMs);
    return at;
  };

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        if (drained) {
          queue.splice(0).forEach((r) => r());
          break;
        }
        const wait = nextSlot() - clock();
        if (wait > 0) {
          await Promise.race([sleep(wait), drainSignal]);
          continue; // a pause (or drain) may have arrived meanwhile
        }
        released.push(clock());
        if (released.length > limit) released.shift();
        queue.shift()!();
        const settled = onRelease;
        onRelease = [];
        if (settled.length > 0) setTimeout(() => settled.forEach((r) => r()), SETTLE_MS);
      }
    } finally {
      pumping = false;
    }
  }

  return {
    async acquire(chatKey) {
      // Reserve the chat's slot before waiting, so two callers for one chat keep the gap.
      if (drained) return;
      const mine = Math.max(chatNext.get(chatKey) ?? 0, clock());
      chatNext.set(chatKey, mine + o.perChatGapMs);
      if (mine > clock()) await Promise.race([sleep(mine - clock()), drainSignal]);
      if (drained) return;
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
    drain() {
      drained = true;
      wake();
      queue.splice(0).forEach((r) => r());
      const settled = onRelease;
      onRelease = [];
      settled.forEach((r) => r());
    },
    settle() {
      if (queue.length === 0 || drained) return Promise.resolve();
      return new Promise<void>((resolve) => onRelease.push(resolve));
    },
  };
}
