import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramSender, telegramPacer } from '../../src/bots/telegram/index.ts';
import { openDatabase, type Db } from '../../src/db/index.ts';
import type { Pacer } from '../../src/pacing/index.ts';
import { createReminderService, outboxRows } from '../../src/reminders/index.ts';
import { createPostgresDatabase } from '../support/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { maxInWindow } from '../support/virtual-clock.ts';
import { exactlyOnce, NOW, seedGroups, silent, TOKEN } from './seed.ts';

/**
 * Two replicas' reminder services (each with its own connection pool, claimer id and
 * the bot's pacer as `pandu start` builds it) on one PostgreSQL database: every reminder
 * goes out once, and the slots both took together keep to the bot's 30/s. The slots are
 * the database's times the pacers granted, so the bound is checked exactly, whatever the
 * machine's load does to the wall clock.
 */
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('reminders from two replicas (postgres)', () => {
  const dbs: Db[] = [];
  let api: FakeTelegram | undefined;
  afterEach(async () => {
    await api?.close();
    await Promise.all(dbs.splice(0).map((db) => db.close()));
  });

  it('every reminder is sent once, and both replicas together stay within the bot’s rate', async () => {
    const url = await createPostgresDatabase('reminders_replicas');
    const seeding = await openDatabase(url);
    const chatIds = await seedGroups(seeding, 75);
    await seeding.close();
    api = await startFakeTelegram({ token: TOKEN });
    api.delay('sendMessage', 20);
    const granted: number[] = [];
    const recording = (pacer: Pacer): Pacer => ({
      ...pacer,
      acquire: async (chat, signal) => {
        const at = await pacer.acquire(chat, signal);
        if (at !== null) granted.push(at);
        return at;
      },
    });
    const replica = async (n: number) => {
      const db = await openDatabase(url);
      dbs.push(db);
      const pacer = recording(telegramPacer({ db, token: TOKEN }));
      return createReminderService({
        db,
        senders: { telegram: createTelegramSender({ api: new Api(TOKEN, { apiRoot: api!.apiRoot }), pacer }) },
        logger: silent,
        now: () => new Date(NOW),
        dispatcher: { claimer: `replica-${n}`, batchSize: 8 },
      });
    };
    const [a, b] = await Promise.all([replica(1), replica(2)]);
    const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
    await Promise.all([a.stop(), b.stop()]);

    expect(ra.dispatch.sent + rb.dispatch.sent).toBe(chatIds.length);
    expect(exactlyOnce(api, chatIds)).toEqual([]);
    expect(granted).toHaveLength(chatIds.length);
    expect(maxInWindow(granted, 1000)).toBeLessThanOrEqual(30);
    const rows = await outboxRows(dbs[0]!);
    expect(rows.filter((r) => r.sendAt.getTime() <= Date.parse(NOW)).every((r) => r.status === 'sent')).toBe(true);
  });
});
