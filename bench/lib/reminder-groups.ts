import { fork } from 'node:child_process';
import type { Db } from '../../src/db/index.ts';
import { loadCalendar, parseCalendar } from '../../src/programme/index.ts';
import { loadRegistry } from '../../src/regions/index.ts';
import { calendarFor } from '../../test/reminders/seed.ts';
import { startFakeTelegram, type Delivery } from '../../test/support/fake-telegram.ts';

/** After 08:00 local in WIB, WITA and WIT: every group's H-0 reminder is due. */
export const NOW = new Date('2026-03-24T02:00:00Z');

/**
 * Every kabupaten/kota in the registry (514) as a Telegram group bound to its region,
 * one deadline each, all due at NOW. The database is migrated and has the regions.
 */
export async function seedReminderGroups(db: Db): Promise<number> {
  const codes = loadRegistry().map((r) => r.code);
  const yaml = calendarFor(codes);
  await db.transaction((tx) => loadCalendar(tx, parseCalendar(yaml), 'bench'));
  await db.query(
    `INSERT INTO chats (platform, chat_id, region_code, bound_by, bound_at)
     SELECT 'telegram', '-100' || (1000000 + row_number() OVER (ORDER BY code)), code, 'bench', '2026-03-01T00:00:00Z'
       FROM regions WHERE code = ANY($1::text[])`,
    [codes],
  );
  return codes.length;
}

export interface FakeReport {
  readonly deliveries: readonly Pick<Delivery, 'chatId' | 'at'>[];
  readonly rateLimited: number;
}

const SERVE = '--serve-fake-bot-api';

/**
 * The fake Bot API in its own process, as Telegram would be: its clock and timers are not
 * held up by the dispatchers' work. At most `ratePerSec` deliveries in any second (429
 * retry_after 1 beyond), 40 ms latency.
 */
/** The bot token the fake Bot API process accepts (it answers 401 to any other, as Telegram does). */
export const BENCH_BOT_TOKEN = '123:bench';

export async function startFakeBotApiProcess(ratePerSec: number): Promise<{ apiRoot: string; report(): Promise<FakeReport> }> {
  const child = fork(new URL(import.meta.url).pathname, [SERVE, String(ratePerSec)], { execArgv: ['--import', 'tsx'] });
  const apiRoot = await new Promise<string>((resolve) => child.once('message', (m: { apiRoot: string }) => resolve(m.apiRoot)));
  return {
    apiRoot,
    report: () =>
      new Promise<FakeReport>((resolve) => {
        child.once('message', (m: FakeReport) => resolve(m));
        child.send({ cmd: 'report' });
      }),
  };
}

async function serve(ratePerSec: number): Promise<void> {
  const api = await startFakeTelegram({ token: BENCH_BOT_TOKEN, ratePerSec, retryAfterSec: 1 });
  api.delay('sendMessage', 40);
  process.on('disconnect', () => process.exit(0)); // never outlive the bench
  process.send!({ apiRoot: api.apiRoot });
  process.on('message', (m: { cmd: string }) => {
    if (m.cmd !== 'report') return;
    const report: FakeReport = { deliveries: api.deliveries.map((d) => ({ chatId: d.chatId, at: d.at })), rateLimited: api.rateLimited() };
    process.send!(report, () => void api.close().then(() => process.exit(0)));
  });
}

/** Chats that got their reminder not at all, and more than once. */
export function lostAndDoubled(report: FakeReport, chatIds: readonly string[]): { lost: number; doubled: number } {
  const counts = new Map<string, number>();
  for (const d of report.deliveries) counts.set(d.chatId, (counts.get(d.chatId) ?? 0) + 1);
  return { lost: chatIds.filter((c) => !counts.has(c)).length, doubled: chatIds.filter((c) => (counts.get(c) ?? 0) > 1).length };
}

const at = process.argv.indexOf(SERVE);
if (at >= 0) await serve(Number(process.argv[at + 1]));
