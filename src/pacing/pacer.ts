import { chatWindow, globalWindow, nextSlot, record, type PaceLimits } from './window.ts';

/**
 * One pacing layer per bot identity: every message a bot posts (answers and reminders)
 * takes a slot here first. Two implementations: in this process (createPacer, below)
 * and in the database, shared by every replica (createSharedPacer, shared.ts).
 */
export interface Pacer {
  /**
   * Resolves when one message to `chatKey` may go out, with the granted moment (the
   * pacer's clock, ms); null when `signal` aborted the wait first (no slot is used).
   */
  acquire(chatKey: string, signal?: AbortSignal): Promise<number | null>;
  /** Nobody sends before now + ms (the platform said retry_after). */
  pause(ms: number): void;
  /**
   * Resolves just after the next release has had time to go out on the wire (or at
   * once when nobody waits). Blocking work, such as a query on the embedded database,
   * done then cannot hold a released request back and bunch it with the next ones.
   */
  settle(): Promise<void>;
}

export interface PacerTime {
  /** Monotonic milliseconds; injectable for tests. */
  readonly clock?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Time for a released request to be written to its socket. */
const SETTLE_MS = 4;

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A promise that resolves when `signal` aborts, and a way to stop listening. */
export function abortion(signal: AbortSignal | undefined): { readonly promise: Promise<void>; dispose(): void } {
  let dispose = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    if (!signal) return;
    if (signal.aborted) return resolve();
    const onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    dispose = () => signal.removeEventListener('abort', onAbort);
  });
  return { promise, dispose: () => dispose() };
}

/**
 * The overall window in this process: releases one waiter at a time and records the
 * real release time, so a stall (a slow query on the embedded database, a GC pause) is
 * made up afterwards without a burst.
 */
function releaseQueue(limits: PaceLimits, clock: () => number, sleep: (ms: number) => Promise<void>) {
  const overall = globalWindow(limits);
  let released: number[] = [];
  const queue: Array<{ grant: (at: number) => void; cancelled: boolean }> = [];
  let onRelease: Array<() => void> = [];
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let pumping = false;
  let wake: () => void = () => undefined;

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        if (queue[0]!.cancelled) {
          queue.shift();
          continue;
        }
        const wait = Math.max(pausedUntil, nextSlot(released, clock(), overall)) - clock();
        if (wait > 0) {
          await Promise.race([sleep(wait), new Promise<void>((r) => (wake = r))]);
          continue; // a pause may have arrived meanwhile
        }
        const at = clock();
        released = record(released, at, overall);
        queue.shift()!.grant(at);
        const settled = onRelease;
        onRelease = [];
        if (settled.length > 0) setTimeout(() => settled.forEach((r) => r()), SETTLE_MS);
      }
    } finally {
      pumping = false;
    }
  }

  return {
    /** One overall slot, or null when `stop` comes first. */
    take(stop: Promise<void>): Promise<number | null> {
      const entry = { grant: (_at: number) => undefined as void, cancelled: false };
      const granted = new Promise<number>((resolve) => (entry.grant = resolve));
      queue.push(entry);
      void pump();
      return Promise.race([granted, stop.then(() => ((entry.cancelled = true), null))]);
    },
    pause(ms: number) {
      pausedUntil = Math.max(pausedUntil, clock() + ms);
      wake();
    },
    settle(): Promise<void> {
      if (queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => onRelease.push(resolve));
    },
  };
}

/**
 * In this process (one replica, the embedded database, tests). Waiters of one chat are
 * served in order, each after the chat's own window opens, and never hold up others.
 */
export function createPacer(limits: PaceLimits, time: PacerTime = {}): Pacer {
  const clock = time.clock ?? (() => performance.now());
  const sleep = time.sleep ?? realSleep;
  const overall = releaseQueue(limits, clock, sleep);
  const chats = new Map<string, { stamps: number[]; tail: Promise<unknown>; waiting: number }>();

  async function acquireFor(chatKey: string, stop: Promise<void>, aborted: () => boolean): Promise<number | null> {
    const cw = chatWindow(limits, chatKey);
    if (!cw) return overall.take(stop);
    const chat = chats.get(chatKey) ?? { stamps: [], tail: Promise.resolve(), waiting: 0 };
    chats.set(chatKey, chat);
    chat.waiting++;
    const turn = chat.tail.then(async () => {
      for (let w = nextSlot(chat.stamps, clock(), cw) - clock(); w > 0 && !aborted(); w = nextSlot(chat.stamps, clock(), cw) - clock()) {
        await Promise.race([sleep(w), stop]);
      }
      if (aborted()) return null;
      const at = await overall.take(stop);
      if (at !== null) chat.stamps = record(chat.stamps, at, cw);
      return at;
    });
    chat.tail = turn;
    const at = await turn.finally(() => chat.waiting--);
    if (chats.size > 5_000) {
      for (const [k, c] of chats) if (c.waiting === 0 && (c.stamps.at(-1) ?? 0) < clock() - cw.windowMs) chats.delete(k);
    }
    return at;
  }

  return {
    async acquire(chatKey, signal) {
      if (signal?.aborted) return null;
      const stop = abortion(signal);
      try {
        return await acquireFor(chatKey, stop.promise, () => Boolean(signal?.aborted));
      } finally {
        stop.dispose();
      }
    },
    pause: (ms) => overall.pause(ms),
    settle: () => overall.settle(),
  };
}
