import { describe, expect, it } from 'vitest';
import { telegramPace } from '../../src/bots/telegram/index.ts';
import { createPacer } from '../../src/pacing/index.ts';
import { maxInWindow, virtualClock } from '../support/virtual-clock.ts';

/** The in-process pacer (one replica, the embedded database) on a virtual clock. */
describe('pacer (in process)', () => {
  it('never lets more than 30 through in any second, without bursts, and keeps close to the limit', async () => {
    const time = virtualClock();
    const pacer = createPacer(telegramPace(), time);
    const granted = Array.from({ length: 100 }, (_, i) => pacer.acquire(String(1000 + i)));
    const at = (await time.run(Promise.all(granted))) as number[];
    expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(30);
    const sorted = [...at].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((t, i) => t - sorted[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(26); // 80 % of the even 33 ms spacing: no burst
    expect(sorted.at(-1)!).toBeLessThan(1.1 * (100 / 30) * 1000);
  });

  it('lets 20 messages a minute into one group and makes the rest wait, without holding up other chats', async () => {
    const time = virtualClock();
    const pacer = createPacer(telegramPace(), time);
    const group = Array.from({ length: 25 }, () => pacer.acquire('-100'));
    const others = [pacer.acquire('42'), pacer.acquire('-200')];
    const [g, o] = (await time.run(Promise.all([Promise.all(group), Promise.all(others)]))) as [number[], number[]];
    expect(g.slice(0, 20).every((t) => t < 1000)).toBe(true);
    expect(g.slice(20).every((t) => t >= 60_000)).toBe(true);
    expect(maxInWindow(g, 60_000)).toBeLessThanOrEqual(20);
    expect(Math.max(...o)).toBeLessThan(2000);
  });

  it('stops everyone during a pause (429 retry_after), and an aborted wait takes no slot', async () => {
    const time = virtualClock();
    const pacer = createPacer(telegramPace(), time);
    expect(await time.run(pacer.acquire('1'))).toBe(0);
    pacer.pause(5_000);
    const stop = new AbortController();
    const cancelled = pacer.acquire('-300', stop.signal);
    const later = pacer.acquire('2');
    stop.abort();
    expect(await time.run(cancelled)).toBeNull();
    expect(await time.run(later)).toBeGreaterThanOrEqual(5_000);
  });

  it('settles just after the next release, or at once when idle', async () => {
    const time = virtualClock();
    const pacer = createPacer({ ratePerSec: 10, marginMs: 0 }, time);
    await time.run(pacer.settle());
    expect(time.clock()).toBe(0);
    await time.run(pacer.acquire('a'));
    const order: string[] = [];
    const second = pacer.acquire('b').then((at) => (order.push('released'), at)); // due 80 ms later (the minimum gap)
    const settled = pacer.settle().then(() => order.push('settled'));
    expect(await time.run(second)).toBeGreaterThanOrEqual(80);
    await settled;
    expect(order).toEqual(['released', 'settled']);
  });
});
