import { afterEach, describe, expect, it } from 'vitest';
import { telegramPace } from '../../src/bots/telegram/index.ts';
import { migrate, openDatabase, type Db } from '../../src/db/index.ts';
import { createSharedPacer, type Pacer } from '../../src/pacing/index.ts';
import { createPostgresDatabase } from '../support/db.ts';
import { maxInWindow, virtualClock, type VirtualClock } from '../support/virtual-clock.ts';

/**
 * Two replicas of one bot on one PostgreSQL database, each with its own connection pool
 * and pacer, share the bot's limits through the database: together they stay under
 * Telegram's 30 messages/s and 20/min per group instead of doubling them. On a virtual
 * clock (injected into both pacers), so the assertions are exact.
 */
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('pacer shared through PostgreSQL', () => {
  const dbs: Db[] = [];
  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((db) => db.close()));
  });

  async function replicas(time: VirtualClock): Promise<[Pacer, Pacer]> {
    const url = await createPostgresDatabase('pace');
    for (let i = 0; i < 2; i++) dbs.push(await openDatabase(url));
    await migrate(dbs[0]!);
    const pacer = (db: Db) => createSharedPacer({ db, scope: 'telegram:123', limits: telegramPace(), clock: time.clock, sleep: time.sleep });
    return [pacer(dbs[0]!), pacer(dbs[1]!)];
  }

  /** Runs the acquires on the virtual clock; time moves only while every one of them sleeps. */
  async function grants(time: VirtualClock, calls: Array<() => Promise<number | null>>): Promise<number[]> {
    let open = calls.length;
    const all = Promise.all(calls.map((call) => call().finally(() => open--)));
    return (await time.run(all, () => time.sleeping === open)) as number[];
  }

  it('two replicas together send at most 30 messages in any second, and about 30 a second', async () => {
    const time = virtualClock();
    const [a, b] = await replicas(time);
    const at = await grants(
      time,
      Array.from({ length: 90 }, (_, i) => () => (i % 2 === 0 ? a : b).acquire(String(5000 + i))),
    );
    expect(at).toHaveLength(90);
    expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(30);
    expect(Math.max(...at)).toBeLessThan(1.1 * 3_000); // 90 messages at 30/s
  });

  it('two replicas together send at most 20 messages a minute into one group, without holding up other chats', async () => {
    const time = virtualClock();
    const [a, b] = await replicas(time);
    const group = Array.from({ length: 25 }, (_, i) => () => (i % 2 === 0 ? a : b).acquire('-100'));
    const others = Array.from({ length: 10 }, (_, i) => () => (i % 2 === 0 ? b : a).acquire(String(700 + i)));
    const at = await grants(time, [...group, ...others]);
    const g = at.slice(0, 25);
    expect(maxInWindow(g, 60_000)).toBeLessThanOrEqual(20);
    expect(g.filter((t) => t < 60_000)).toHaveLength(20);
    expect(Math.max(...at.slice(25))).toBeLessThan(2_000);
  });

  it('a 429 pause seen by one replica holds back the other', async () => {
    const time = virtualClock();
    const [a, b] = await replicas(time);
    await grants(time, [() => a.acquire('1')]);
    a.pause(5_000);
    await new Promise((r) => setTimeout(r, 200)); // the pause is written in the background
    const [next] = await grants(time, [() => b.acquire('2')]);
    expect(next).toBeGreaterThanOrEqual(5_000);
  });
});
