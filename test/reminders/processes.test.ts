import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/index.ts';
import { createPostgresDatabase } from '../support/db.ts';
import type { FakeTelegram } from '../support/fake-telegram.ts';
import { runPanduOnce } from '../support/process.ts';
import { exactlyOnce, NOW, seedGroups, telegramForProcesses } from './seed.ts';

/**
 * Two `pandu reminders run` processes on one PostgreSQL database at the same time
 * (on the embedded database two processes cannot share the folder).
 */
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('reminder dispatchers in two processes (postgres)', () => {
  let api: FakeTelegram | undefined;
  afterEach(async () => {
    await api?.close();
  });

  it('two dispatcher processes at once: every reminder delivered, none twice', async () => {
    const url = await createPostgresDatabase('reminders_two');
    const db = await openDatabase(url);
    const chatIds = await seedGroups(db, 60);
    await db.close();
    const fake = await telegramForProcesses(url, 30);
    api = fake.api;
    const env = fake.env;
    const [a, b] = await Promise.all([
      runPanduOnce(['reminders', 'run', '--now', NOW, '--json'], env),
      runPanduOnce(['reminders', 'run', '--now', NOW, '--json'], env),
    ]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    const sa = JSON.parse(a.stdout) as { sent: number };
    const sb = JSON.parse(b.stdout) as { sent: number };
    expect(sa.sent + sb.sent).toBe(chatIds.length);
    expect(exactlyOnce(api, chatIds)).toEqual([]);
  });
});
