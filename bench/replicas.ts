/**
 * Two replicas on one PostgreSQL database (issue 20 item 4). Needs BENCH_DATABASE_URL
 * (a PostgreSQL server URL; two databases named after it are created afresh).
 *
 * 1. Questions: two Telegram adapters in webhook mode, each with its own pool and HTTP
 *    server, behind one round-robin address; 400 questions over 100 chats (50 private,
 *    50 groups using /tanya) pushed at once through the fake Bot API (40 ms latency)
 *    with a test double of the answering core. Counts answers per question, and the
 *    most sends in any second and into one group in any minute.
 * 2. Reminders: two reminder services (own pools, own claimer ids, the bot's pacer
 *    shared through the database) dispatching 514 due group reminders at once, against
 *    a fake Bot API in its own process that allows 30 deliveries in any second and
 *    answers 429 beyond. The bound is the bot's: 514 / 30 s, whichever replica sends.
 *
 * Pass: 400 answered once, 514 sent once, reminders within 1.1 × the bound.
 * Prints one JSON line. Run: BENCH_DATABASE_URL=postgres://… npm run bench:replicas
 */
import { Api } from 'grammy';
import pino from 'pino';
import { createTelegramSender, telegramPacer } from '../src/bots/telegram/index.ts';
import { openDatabase } from '../src/db/index.ts';
import { createReminderService } from '../src/reminders/index.ts';
import { startFakeTelegram, type FakeChat, type FakeUser } from '../test/support/fake-telegram.ts';
import { startTelegramReplicas } from '../test/support/replicas.ts';
import { createFakeAnswers } from '../test/support/fake-answers.ts';
import { freshDb } from './lib/db.ts';
import { benchDatabase, durability, loadNow, machine } from './lib/env.ts';
import { BENCH_BOT_TOKEN, lostAndDoubled, NOW, seedReminderGroups, startFakeBotApiProcess } from './lib/reminder-groups.ts';

const LIMIT_PER_SEC = 30;
const TOKEN = BENCH_BOT_TOKEN;
const QUESTIONS = 400;
const CHATS = 100;

async function questions(serverUrl: string) {
  const url = await benchDatabase(serverUrl, 'replicas_q');
  await (await freshDb(url)).close();
  const tg = await startFakeTelegram();
  for (const method of ['sendMessage', 'sendChatAction']) tg.delay(method, 40);
  const answers = createFakeAnswers();
  const replicas = await startTelegramReplicas(url, { tg, answers });
  try {
    const chats: Array<{ chat: FakeChat; user: FakeUser }> = Array.from({ length: CHATS }, (_, i) => {
      const user = { id: 50_000 + i, first_name: `Petugas ${i}` };
      const chat: FakeChat = i % 2 === 0 ? { id: user.id, type: 'private', first_name: user.first_name } : { id: -1_008_000_000 - i, type: 'supergroup', title: `Grup ${i}` };
      return { chat, user };
    });
    const started = performance.now();
    for (let n = 0; n < QUESTIONS; n++) {
      const { chat, user } = chats[n % CHATS]!;
      const q = `Pertanyaan nomor ${n + 1} tentang tahapan program`;
      tg.text(chat, user, chat.type === 'private' ? q : `/tanya ${q}`);
    }
    const isAnswer = (c: { method: string; status?: number }) => c.method === 'sendMessage' && c.status === 200;
    await tg.waitForCalls(isAnswer, QUESTIONS, 300_000);
    await replicas.idle();
    const seconds = (performance.now() - started) / 1000;
    const counts = new Map<string, number>();
    for (const c of tg.calls.filter(isAnswer)) {
      const m = /Jawaban untuk: (.+?)\n/.exec(String(c.payload.text));
      if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    }
    const groups = chats.filter((c) => c.chat.type !== 'private').map((c) => c.chat.id);
    return {
      questions: QUESTIONS,
      chats: CHATS,
      answered_once: [...counts.values()].filter((n) => n === 1).length,
      duplicates: [...counts.values()].filter((n) => n > 1).length,
      missing: QUESTIONS - counts.size,
      served_per_replica: replicas.served,
      seconds: Number(seconds.toFixed(2)),
      answers_per_s: Number((QUESTIONS / seconds).toFixed(1)),
      peak_per_s: tg.maxSends(1000),
      peak_per_group_min: Math.max(0, ...groups.map((g) => tg.maxSends(60_000, g))),
    };
  } finally {
    await replicas.stop();
    await tg.close();
  }
}

async function reminders(serverUrl: string) {
  const url = await benchDatabase(serverUrl, 'replicas_r');
  const seed = await freshDb(url);
  const groups = await seedReminderGroups(seed);
  const chatIds = (await seed.query<{ chat_id: string }>(`SELECT chat_id FROM chats`)).map((r) => r.chat_id);
  const api = await startFakeBotApiProcess(LIMIT_PER_SEC);
  const dbs = [await openDatabase(url), await openDatabase(url)];
  const t0 = performance.now();
  const services = dbs.map((db, i) =>
    createReminderService({
      db,
      senders: { telegram: createTelegramSender({ api: new Api(TOKEN, { apiRoot: api.apiRoot }), pacer: telegramPacer({ db, token: TOKEN }) }) },
      logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
      now: () => new Date(NOW.getTime() + (performance.now() - t0)),
      dispatcher: { claimer: `replica-${i + 1}` },
    }),
  );
  const results = await Promise.all(services.map((s) => s.runOnce()));
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(services.map((s) => s.stop()));
  const fake = await api.report();
  const [{ sent } = { sent: 0 }] = await seed.query<{ sent: number }>(`SELECT count(*)::int AS sent FROM reminder_outbox WHERE status = 'sent'`);
  const db = await durability(seed);
  for (const d of [...dbs, seed]) await d.close();
  const bound = groups / LIMIT_PER_SEC;
  return {
    groups,
    delivered: fake.deliveries.length,
    ...lostAndDoubled(fake, chatIds),
    outbox_sent: sent,
    sent_per_replica: results.map((r) => r.dispatch.sent),
    seconds: Number(seconds.toFixed(2)),
    rate_bound_seconds: Number(bound.toFixed(2)),
    ratio_to_bound: Number((seconds / bound).toFixed(3)),
    http_429: fake.rateLimited,
    durability: db,
  };
}

async function main(): Promise<number> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl?.startsWith('postgres')) {
    console.error('BENCH_DATABASE_URL (PostgreSQL) wajib: replika berbagi satu basis data PostgreSQL.');
    return 2;
  }
  const env = machine();
  const q = await questions(serverUrl);
  const r = await reminders(serverUrl);
  const pass =
    q.answered_once === QUESTIONS && q.duplicates === 0 && q.missing === 0 &&
    r.delivered === r.groups && r.lost === 0 && r.doubled === 0 && r.ratio_to_bound <= 1.1;
  console.log(JSON.stringify({ bench: 'replicas', replicas: 2, ...env, load_after: loadNow(), questions: q, reminders: r, pass }));
  return pass ? 0 : 1;
}

process.exitCode = await main();
