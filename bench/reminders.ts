/**
 * Reminder throughput under Telegram's rate limit (issue 8).
 *
 * 514 region groups (every kabupaten/kota in the registry), each bound to its region,
 * one deadline each, all due at once. They go through the real dispatcher, the real
 * grammY client and a fake Bot API over HTTP that allows at most 30 deliveries in any
 * one-second window and answers 429 (retry_after 1) beyond that, with 40 ms latency.
 *
 * Pass: every group gets its reminder exactly once (none lost, none doubled) and the
 * whole run (plan + enqueue + dispatch) takes at most 1.15 × 514/30 s.
 * Prints one JSON line. Run: node --import tsx bench/reminders.ts
 */
import { fork } from 'node:child_process';
import pino from 'pino';
import { migrate, openDatabase } from '../src/db/index.ts';
import { loadCalendar, parseCalendar } from '../src/programme/index.ts';
import { loadRegistry, seedRegions } from '../src/regions/index.ts';
import { Api } from 'grammy';
import { createTelegramSender, telegramPace, TELEGRAM_LIMITS } from '../src/bots/telegram/index.ts';
import { createPacer } from '../src/pacing/index.ts';
import { createReminderService, outboxRows } from '../src/reminders/index.ts';
import { startFakeBotApi, type Delivery } from '../test/support/fake-bot-api-min.ts';

const LIMIT_PER_SEC = 30;
const NOW = new Date('2026-03-24T02:00:00Z'); // after 08:00 local in WIB, WITA and WIT

interface FakeReport {
  readonly deliveries: readonly Pick<Delivery, 'chatId' | 'at'>[];
  readonly rateLimited: number;
}

/**
 * The fake Bot API runs in its own process, as Telegram would: its clock and timers are
 * not held up by the dispatcher's work.
 */
async function serveFake(): Promise<void> {
  const api = await startFakeBotApi({ ratePerSec: LIMIT_PER_SEC, retryAfterSec: 1, delayMs: 40 });
  process.on('disconnect', () => process.exit(0)); // never outlive the bench
  process.send!({ apiRoot: api.apiRoot });
  process.on('message', (m: { cmd: string }) => {
    if (m.cmd !== 'report') return;
    const report: FakeReport = { deliveries: api.deliveries.map((d) => ({ chatId: d.chatId, at: d.at })), rateLimited: api.rateLimited() };
    process.send!(report, () => void api.close().then(() => process.exit(0)));
  });
}

async function startFake(): Promise<{ apiRoot: string; report(): Promise<FakeReport> }> {
  const child = fork(new URL(import.meta.url).pathname, ['--serve-fake'], { execArgv: ['--import', 'tsx'] });
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

async function main(): Promise<number> {
  const db = await openDatabase(process.env.BENCH_DATABASE_URL ?? 'memory://');
  await migrate(db);
  await seedRegions(db);
  const codes = loadRegistry().map((r) => r.code);
  const yaml = [
    'kind: kalender',
    'cohort: 2026',
    'title: Bench',
    'regions:',
    ...codes.map((c) => `  - code: "${c}"`),
    'stages:',
    '  - id: bimtek-1',
    '    name: "Bimtek I: Analisis Strategis"',
    '    due: "2026-03-24"',
    '',
  ].join('\n');
  await db.transaction((tx) => loadCalendar(tx, parseCalendar(yaml), 'bench'));
  await db.query(
    `INSERT INTO chats (platform, chat_id, region_code, bound_by, bound_at)
     SELECT 'telegram', '-100' || (1000000 + row_number() OVER (ORDER BY code)), code, 'bench', '2026-03-01T00:00:00Z'
       FROM regions WHERE code = ANY($1::text[])`,
    [codes],
  );
  const groups = codes.length;

  // BENCH_PACE overrides the bot's Telegram pace (messages/s) to explore the trade-off.
  const pace = Number(process.env.BENCH_PACE ?? TELEGRAM_LIMITS.globalPerSec);
  const api = await startFake();
  const service = createReminderService({
    db,
    senders: {
      telegram: createTelegramSender({
        api: new Api('123:bench', { apiRoot: api.apiRoot }),
        pacer: createPacer(telegramPace({ ...TELEGRAM_LIMITS, globalPerSec: pace })),
      }),
    },
    logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
    now: () => new Date(NOW.getTime() + (performance.now() - t0)),
  });
  const t0 = performance.now();
  const result = await service.runOnce();
  const seconds = (performance.now() - t0) / 1000;
  await service.stop();

  const fake = await api.report();
  const counts = new Map<string, number>();
  for (const d of fake.deliveries) counts.set(d.chatId, (counts.get(d.chatId) ?? 0) + 1);
  const chatIds = (await db.query<{ chat_id: string }>(`SELECT chat_id FROM chats`)).map((r) => r.chat_id);
  const lost = chatIds.filter((c) => !counts.has(c)).length;
  const doubled = chatIds.filter((c) => (counts.get(c) ?? 0) > 1).length;
  const due = (await outboxRows(db)).filter((r) => r.sendAt <= NOW);
  const rateBound = groups / LIMIT_PER_SEC;
  const limit = 1.15 * rateBound;
  const ok = lost === 0 && doubled === 0 && fake.deliveries.length === groups && seconds <= limit;
  const deliveriesSpan = (fake.deliveries.at(-1)!.at - fake.deliveries[0]!.at) / 1000;
  console.log(
    JSON.stringify({
      bench: 'reminders',
      backend: db.kind,
      groups,
      delivered: fake.deliveries.length,
      lost,
      doubled,
      outbox_sent: due.filter((r) => r.status === 'sent').length,
      seconds: Number(seconds.toFixed(2)),
      rate_bound_seconds: Number(rateBound.toFixed(2)),
      limit_seconds: Number(limit.toFixed(2)),
      ratio_to_bound: Number((seconds / rateBound).toFixed(3)),
      http_429: fake.rateLimited,
      pace_per_sec: pace,
      delivered_per_sec: Number((groups / deliveriesSpan).toFixed(2)),
      enqueued: result.enqueued,
      pass: ok,
    }),
  );
  await db.close();
  return ok ? 0 : 1;
}

if (process.argv.includes('--serve-fake')) await serveFake();
else process.exitCode = await main();
