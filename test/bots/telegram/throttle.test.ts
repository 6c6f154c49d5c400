import { describe, expect, it } from 'vitest';
import { createThrottle } from '../../../src/bots/telegram/index.ts';

/** A clock that only moves when someone sleeps: waits are exact and instant. */
function virtualTime() {
  let now = 0;
  const timers: Array<{ at: number; resolve: () => void }> = [];
  return {
    clock: () => now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + ms, resolve });
      }),
    /** Runs timers in order until nothing is waiting. */
    async run() {
      for (;;) {
        await new Promise((r) => setImmediate(r));
        if (timers.length === 0) return;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        now = Math.max(now, next.at);
        next.resolve();
      }
    },
  };
}

describe('outgoing throttle', () => {
  it('lets 20 messages a minute into one group and makes the rest wait, without holding up other chats', async () => {
    const time = virtualTime();
    const throttle = createThrottle({ globalPerSec: 30, groupPerMin: 20 }, time);
    const granted: Array<{ chat: string; at: number }> = [];
    const send = async (chat: string) => {
      const done = await throttle.acquire(chat);
      granted.push({ chat, at: time.clock() });
      done();
    };
    const all = [...Array.from({ length: 25 }, () => send('-100')), send('42'), send('-200')];
    await time.run();
    await Promise.all(all);
    const group = granted.filter((g) => g.chat === '-100').map((g) => g.at);
    expect(group.slice(0, 20).every((t) => t < 1000)).toBe(true);
    expect(group.slice(20).every((t) => t >= 60_000)).toBe(true);
    expect(granted.find((g) => g.chat === '42')!.at).toBeLessThan(2000);
    expect(granted.find((g) => g.chat === '-200')!.at).toBeLessThan(2000);
  });

  it('keeps to 30 messages in any second overall', async () => {
    const time = virtualTime();
    const throttle = createThrottle({ globalPerSec: 30, groupPerMin: 20 }, time);
    const at: number[] = [];
    const all = Array.from({ length: 100 }, async (_, i) => {
      const done = await throttle.acquire(String(1000 + i));
      at.push(time.clock());
      done();
    });
    await time.run();
    await Promise.all(all);
    at.sort((a, b) => a - b);
    for (let i = 30; i < at.length; i++) expect(at[i]! - at[i - 30]!).toBeGreaterThanOrEqual(1000);
    expect(at.at(-1)).toBeLessThan(4000);
  });
});
