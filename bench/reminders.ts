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
import pino from 'pino';
import { Api } from 'grammy';
import { createTelegramSender, telegramPace, TELEGRAM_LIMITS } from '../src/bots/telegram/index.ts';
import { migrate, openDatabase } from '../src/db/index.ts';
import { createPacer } from '../src/pacing/index.ts';
import { seedRegions } from '../src/regions/index.ts';
import { createReminderService, outboxRows } from '../src/reminders/index.ts';
import { BENCH_BOT_TOKEN, lostAndDoubled, NOW, seedReminderGroups, startFakeBotApiProcess } from './lib/reminder-groups.ts';

const LIMIT_PER_SEC = 30;

async function main(): Promise<number> {
  const db = await openDatabase(process.env.BENCH_DATABASE_URL ?? 'memory://');
  await migrate(db);
  await seedRegions(db);
  const groups = await seedReminderGroups(db);

  // BENCH_PACE overrides the bot's Telegram pace (messages/s) to explore the trade-off.
  const pace = Number(process.env.BENCH_PACE ?? TELEGRAM_LIMITS.globalPerSec);
  const api = await startFakeBotApiProcess(LIMIT_PER_SEC);
  const service = createReminderService({
    db,
    senders: {
      telegram: createTelegramSender({
        api: new Api(BENCH_BOT_TOKEN, { apiRoot: api.apiRoot }),
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
  const chatIds = (await db.query<{ chat_id: string }>(`SELECT chat_id FROM chats`)).map((r) => r.chat_id);
  const { lost, doubled } = lostAndDoubled(fake, chatIds);
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

process.exitCode = await main();
