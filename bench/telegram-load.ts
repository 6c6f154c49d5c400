/**
 * Telegram adapter under load (issue 6): 200 questions from 50 chats (25 private, 25
 * groups using /tanya or a mention) pushed at once through the fake Bot API over HTTP
 * to the real grammY bot, with a test double of the answering core (so this measures
 * the adapter: update intake, de-duplication, queueing, throttling, rendering, sending).
 *
 * Runs: polling and webhook under Telegram's limits (30 messages/s overall, 20/min per
 * group), and polling without the throttle to show the adapter's own ceiling. The fake
 * API answers sendMessage and sendChatAction after 40 ms, like a nearby network.
 * Latency is from the moment an update is queued at the fake API to the moment its
 * answer reaches it. Prints one JSON line. Run: node --import tsx bench/telegram-load.ts
 */
import { migrate, openDatabase } from '../src/db/index.ts';
import { seedRegions } from '../src/regions/index.ts';
import { resetDb } from '../test/support/db.ts';
import { runLoad } from '../test/bots/telegram/load-scenario.ts';

const API_LATENCY_MS = 40;

async function main(): Promise<void> {
  const db = await openDatabase('memory://');
  await migrate(db);
  await seedRegions(db);
  const runs = [];
  for (const run of [
    { name: 'polling, Telegram limits', mode: 'polling' as const },
    { name: 'webhook, Telegram limits', mode: 'webhook' as const },
    { name: 'polling, unthrottled', mode: 'polling' as const, limits: { globalPerSec: 1_000_000, groupPerMin: 1_000_000 } },
  ]) {
    await resetDb(db);
    const r = await runLoad(db, { mode: run.mode, limits: run.limits, apiLatencyMs: API_LATENCY_MS });
    runs.push({
      run: run.name,
      answered_once: r.answeredOnce,
      missing: r.missing,
      duplicates: r.duplicates,
      seconds: r.seconds,
      throughput_per_s: r.throughputPerSec,
      p50_ms: r.latencyMs.p50,
      p95_ms: r.latencyMs.p95,
      max_ms: r.latencyMs.max,
      peak_per_s: r.peakPerSecond,
      peak_per_group_min: r.peakPerGroupMinute,
    });
  }
  await db.close();
  const ok = runs.every((r) => r.answered_once === 200 && r.missing === 0 && r.duplicates === 0);
  const limited = runs.slice(0, 2).every((r) => r.peak_per_s <= 30 && r.peak_per_group_min <= 20);
  console.log(JSON.stringify({ bench: 'telegram-load', questions: 200, chats: 50, api_latency_ms: API_LATENCY_MS, pass: ok && limited, runs }));
  process.exitCode = ok && limited ? 0 : 1;
}

await main();
