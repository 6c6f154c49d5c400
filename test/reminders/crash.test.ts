import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../../src/db/index.ts';
import { loadRegistry, seedRegions } from '../../src/regions/index.ts';
import { outboxRows } from '../../src/reminders/index.ts';
import { backends, createPostgresDatabase } from '../support/db.ts';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api-min.ts';
import { runPandu, runPanduOnce, tempDir } from '../support/process.ts';
import { bindChat, seedCalendar } from './seed.ts';

/**
 * The dispatcher as operators run it, `pandu reminders run`, in child processes against
 * a slowed-down fake Bot API: killed with SIGKILL mid-batch, restarted, and run twice at
 * once. The fake counts what reached "Telegram".
 */
const NOW = '2026-03-24T02:00:00Z'; // after 08:00 local in WIB, WITA and WIT: H-0 is due everywhere
const TOKEN = '123:uji';

function calendarFor(codes: readonly string[]): string {
  return [
    'kind: kalender',
    'cohort: 2026',
    'title: Kalender uji crash',
    'regions:',
    ...codes.map((c) => `  - code: "${c}"`),
    'stages:',
    '  - id: bimtek-1',
    '    name: "Bimtek I: Analisis Strategis"',
    '    due: "2026-03-24"',
    '',
  ].join('\n');
}

async function seed(db: Db, groups: number): Promise<string[]> {
  await migrate(db);
  await seedRegions(db);
  const codes = loadRegistry()
    .slice(0, groups)
    .map((r) => r.code);
  await seedCalendar(db, calendarFor(codes));
  const chatIds: string[] = [];
  for (const [i, code] of codes.entries()) {
    const chatId = `-100${1000 + i}`;
    await bindChat(db, { chatId, regionCode: code });
    chatIds.push(chatId);
  }
  return chatIds;
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const exactlyOnce = (api: FakeBotApi, chatIds: readonly string[]) => {
  const counts = api.counts();
  return chatIds.filter((c) => counts.get(c) !== 1).map((c) => `${c}: ${counts.get(c) ?? 0}`);
};

describe.each(backends)('reminder dispatcher processes (%s)', (backend) => {
  let api: FakeBotApi;
  let url: string;
  beforeEach(async () => {
    url = backend === 'pglite' ? join(tempDir('pandu-reminders-'), 'db') : await createPostgresDatabase('reminders_crash');
  });
  afterEach(async () => {
    await api?.close();
  });

  it('killed with SIGKILL mid-batch, then restarted: every due reminder delivered exactly once, none lost', async () => {
    const db = await openDatabase(url);
    const chatIds = await seed(db, 24);
    await db.close();
    api = await startFakeBotApi({ delayMs: 150 });
    const env = { DATABASE_URL: url, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot };

    const victim = runPandu(['reminders', 'run', '--now', NOW, '--json'], env);
    await until(() => api.deliveries.length >= 5, 30_000, 'the first deliveries');
    // From here requests stay "on the wire"; once no response is in transit, kill.
    api.hold();
    await until(() => api.pending() > 0, 5_000, 'a request in flight');
    await new Promise((r) => setTimeout(r, 200));
    victim.child.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    await until(() => api.pending() === 0, 5_000, 'the cut requests to be dropped');
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

  it.runIf(backend === 'postgres')('two dispatcher processes at once: no reminder twice', async () => {
    const db = await openDatabase(url);
    const chatIds = await seed(db, 60);
    await db.close();
    api = await startFakeBotApi({ delayMs: 30 });
    const env = { DATABASE_URL: url, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot };
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
