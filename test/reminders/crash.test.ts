import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/index.ts';
import { outboxRows } from '../../src/reminders/index.ts';
import { backends, createPostgresDatabase } from '../support/db.ts';
import type { FakeTelegram } from '../support/fake-telegram.ts';
import { runPandu, runPanduOnce, tempDir } from '../support/process.ts';
import { exactlyOnce, NOW, seedGroups, telegramForProcesses } from './seed.ts';
import { waitFor } from '../support/wait.ts';

/**
 * The dispatcher as operators run it, `pandu reminders run`, in child processes against
 * a slowed-down fake Bot API: killed with SIGKILL mid-batch and restarted. The fake
 * counts what reached "Telegram". (Two processes at once: processes.test.ts.)
 */
describe.each(backends)('reminder dispatcher crash (%s)', (backend) => {
  let api: FakeTelegram;
  let url: string;
  beforeEach(async () => {
    url = backend === 'pglite' ? join(tempDir('pandu-reminders-'), 'db') : await createPostgresDatabase('reminders_crash');
  });
  afterEach(async () => {
    await api?.close();
  });

  it('killed with SIGKILL mid-batch, then restarted: every due reminder delivered exactly once, none lost', async () => {
    const db = await openDatabase(url);
    const chatIds = await seedGroups(db, 24);
    await db.close();
    const fake = await telegramForProcesses(url, 150);
    api = fake.api;
    const env = fake.env;

    const victim = runPandu(['reminders', 'run', '--now', NOW, '--json'], env);
    await waitFor(() => api.deliveries.length >= 5, { timeout: 30_000, what: 'the first deliveries' });
    // From here requests stay "on the wire"; once no response is in transit, kill.
    api.hold();
    await waitFor(() => api.pending() > 0, { timeout: 5_000, what: 'a request in flight' });
    await new Promise((r) => setTimeout(r, 200));
    victim.child.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    await waitFor(() => api.pending() === 0, { timeout: 5_000, what: 'the cut requests to be dropped' });
    api.release();
    const before = api.deliveries.length;
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(chatIds.length); // killed mid-batch

    // PostgreSQL: another dispatcher could be alive, so the rows wait out the 2-minute lease;
    // the embedded database has one owner, so a restart takes over at once.
    const restartAt = backend === 'pglite' ? NOW : new Date(Date.parse(NOW) + 150_000).toISOString();
    const again = await runPanduOnce(['reminders', 'run', '--now', restartAt, '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as { sent: number; reclaimed: number };
    expect(summary.sent).toBe(chatIds.length - before);
    expect(summary.reclaimed).toBeGreaterThan(0);

    expect(exactlyOnce(api, chatIds)).toEqual([]);
    expect(api.deliveries).toHaveLength(chatIds.length);
    const check = await openDatabase(url);
    const rows = await outboxRows(check);
    await check.close();
    const due = rows.filter((r) => r.sendAt.getTime() <= Date.parse(NOW));
    expect(due.map((r) => r.status)).toEqual(chatIds.map(() => 'sent'));
    expect(due.every((r) => r.attempts <= 2)).toBe(true);
  });
});
