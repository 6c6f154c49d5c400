import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/reminders/index.ts';

const maxInWindow = (times: readonly number[], windowMs: number) => {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[j]! <= times[i]! - windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
};

describe('pacer', () => {
  it('never lets more than the limit through in any one-second window, without bursts', async () => {
    const pacer = createPacer({ ratePerSec: 50, perChatGapMs: 0, marginMs: 10 });
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 80 }, (_, i) => pacer.acquire(`chat-${i}`).then(() => times.push(performance.now()))));
    times.sort((a, b) => a - b);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(50);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // No bursts: about 70 % of the even 20 ms spacing at least (timers on a busy machine fire a few
    // ms off, and Node may fire one up to a millisecond early against performance.now()); a burst is ~0 ms.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(13);
    // ...and still close to the limit overall: 80 messages in about 1.6 s.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('keeps the per-chat gap and stops everyone during a pause', async () => {
    const pacer = createPacer({ ratePerSec: 1000, perChatGapMs: 150, marginMs: 0 });
    const t0 = performance.now();
    await pacer.acquire('a');
    await pacer.acquire('a');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    pacer.pause(200);
    const t1 = performance.now();
    await pacer.acquire('b');
    expect(performance.now() - t1).toBeGreaterThanOrEqual(195);
  });

  it('settles just after a release, or at once when idle', async () => {
    const pacer = createPacer({ ratePerSec: 10, perChatGapMs: 0, marginMs: 0 });
    const t0 = performance.now();
    await pacer.settle();
    expect(performance.now() - t0).toBeLessThan(20);
    await pacer.acquire('a');
    const second = pacer.acquire('b'); // due about 80 ms later
    const settled = pacer.settle().then(() => performance.now());
    await second;
    const released = performance.now();
    expect((await settled) - released).toBeGreaterThanOrEqual(0);
    expect((await settled) - t0).toBeGreaterThanOrEqual(75);
  });
});
