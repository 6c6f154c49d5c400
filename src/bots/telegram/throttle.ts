import type { Transformer } from 'grammy';

/**
 * Outgoing throttle for Telegram's flood limits: about 30 messages per second overall
 * and 20 per minute into one group. Only methods that post a message are paced
 * (sendMessage, sendPhoto, copyMessage, …); reads such as getChatMember, chat actions
 * and edits pass straight through, so an admin check never waits behind a busy group.
 *
 * Written instead of @grammyjs/transformer-throttler (1.2.1, works with grammY 1.46),
 * which queues every call that has a chat_id, getChatMember and sendChatAction
 * included, under the per-chat limits (one call per second, 20 per minute in groups):
 * an admin check or "typing…" would wait behind a busy group's messages.
 */
export interface ThrottleLimits {
  /** Messages per second over all chats. */
  readonly globalPerSec: number;
  /** Messages per minute into one group or channel (negative chat id). */
  readonly groupPerMin: number;
}

export const TELEGRAM_LIMITS: ThrottleLimits = { globalPerSec: 30, groupPerMin: 20 };

export interface Throttle {
  readonly transformer: Transformer;
  /**
   * Resolves when one message to chatId may leave now; call the returned function when
   * its response has arrived.
   */
  acquire(chatId: string | number): Promise<() => void>;
}

const PACED = /^(send(?!ChatAction$)\w+|copyMessages?|forwardMessages?)$/;

/**
 * Sends in a sliding window of `periodMs`. A send counts from when it is granted until
 * its response arrives (then its stamp moves to that moment): the request reached
 * Telegram somewhere in between, so the limit holds at Telegram's end too, whatever
 * the network delay.
 */
class Window {
  private entries: Array<{ t: number }> = [];
  constructor(
    private readonly limit: number,
    private readonly periodMs: number,
  ) {}

  /** Milliseconds until one more send fits; 0 when it fits now. */
  wait(now: number): number {
    this.entries = this.entries.filter((e) => e.t > now - this.periodMs);
    if (this.entries.length < this.limit) return 0;
    return Math.min(...this.entries.map((e) => e.t)) + this.periodMs - now;
  }

  take(now: number): { t: number } {
    const entry = { t: now };
    this.entries.push(entry);
    return entry;
  }

  get empty(): boolean {
    return this.entries.length === 0;
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(ms))));

export function createThrottle(
  limits: ThrottleLimits = TELEGRAM_LIMITS,
  time: { clock?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): Throttle {
  const clock = time.clock ?? (() => performance.now());
  const sleep = time.sleep ?? realSleep;
  const global = new Window(limits.globalPerSec, 1000);
  const groups = new Map<string, { window: Window; tail: Promise<void> }>();
  let globalTail: Promise<void> = Promise.resolve();

  // One waiter at a time per window, in arrival order: a group over its limit waits on
  // its own chain and never holds up other chats.
  const takeGlobal = (): Promise<{ t: number }> => {
    const turn = globalTail.then(async () => {
      for (let w = global.wait(clock()); w > 0; w = global.wait(clock())) await sleep(w);
      return global.take(clock());
    });
    globalTail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  };

  async function acquire(chatId: string | number): Promise<() => void> {
    const key = String(chatId);
    if (!key.startsWith('-')) {
      const entry = await takeGlobal();
      return () => void (entry.t = Math.max(entry.t, clock()));
    }
    let g = groups.get(key);
    if (!g) {
      g = { window: new Window(limits.groupPerMin, 60_000), tail: Promise.resolve() };
      groups.set(key, g);
    }
    const group = g;
    const turn = group.tail.then(async () => {
      for (let w = group.window.wait(clock()); w > 0; w = group.window.wait(clock())) await sleep(w);
      const globalEntry = await takeGlobal();
      return [globalEntry, group.window.take(clock())] as const;
    });
    group.tail = turn.then(
      () => undefined,
      () => undefined,
    );
    const entries = await turn;
    if (groups.size > 5_000) {
      const now = clock();
      for (const [k, v] of groups) if (v.window.wait(now) === 0 && v.window.empty) groups.delete(k);
    }
    return () => {
      const now = clock();
      for (const e of entries) e.t = Math.max(e.t, now);
    };
  }

  const transformer: Transformer = async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: string | number } | undefined)?.chat_id;
    if (chatId === undefined || !PACED.test(method)) return prev(method, payload, signal);
    const done = await acquire(chatId);
    try {
      return await prev(method, payload, signal);
    } finally {
      done();
    }
  };

  return { transformer, acquire };
}
