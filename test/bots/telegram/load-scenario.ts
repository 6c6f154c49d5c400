import type { ThrottleLimits } from '../../../src/bots/telegram/index.ts';
import type { Db } from '../../../src/db/index.ts';
import type { FakeChat, FakeUser } from '../../support/fake-telegram.ts';
import { startHarness, type Mode } from './harness.ts';

export interface LoadResult {
  readonly mode: Mode;
  readonly questions: number;
  readonly chats: number;
  /** Questions whose answer arrived exactly once. */
  readonly answeredOnce: number;
  readonly missing: number;
  readonly duplicates: number;
  readonly seconds: number;
  readonly throughputPerSec: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly max: number };
  /** Most messages delivered in any one second, and into one group in any minute. */
  readonly peakPerSecond: number;
  readonly peakPerGroupMinute: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/**
 * `questions` questions from `chats` chats (half private, half groups where members use
 * /tanya or a mention), pushed at once through the fake Bot API to the real bot; waits
 * until each is answered and measures from the push to the answer's arrival.
 */
export async function runLoad(
  db: Db,
  o: { mode: Mode; questions?: number; chats?: number; limits?: ThrottleLimits; answerDelayMs?: number; apiLatencyMs?: number },
): Promise<LoadResult> {
  const questions = o.questions ?? 200;
  const chatCount = o.chats ?? 50;
  const h = await startHarness(db, { mode: o.mode, options: { limits: o.limits, concurrency: 8 } });
  h.answers.delayMs = o.answerDelayMs ?? 0;
  for (const method of ['sendMessage', 'sendChatAction']) h.tg.delay(method, o.apiLatencyMs ?? 0);
  try {
    const chats: Array<{ chat: FakeChat; members: FakeUser[] }> = [];
    for (let i = 0; i < chatCount; i++) {
      if (i % 2 === 0) {
        const user = { id: 20_000 + i, first_name: `Petugas ${i}` };
        chats.push({ chat: { id: user.id, type: 'private', first_name: user.first_name }, members: [user] });
      } else {
        const members = [1, 2, 3, 4].map((k) => ({ id: 30_000 + i * 10 + k, first_name: `Anggota ${i}.${k}` }));
        chats.push({ chat: { id: -1_009_000_000 - i, type: 'supergroup', title: `Grup ${i}` }, members });
      }
    }
    const pushedAt = new Map<string, number>();
    const started = performance.now();
    let lastUpdate = 0;
    for (let n = 0; n < questions; n++) {
      const { chat, members } = chats[n % chatCount]!;
      const from = members[Math.floor(n / chatCount) % members.length]!;
      const question = `Pertanyaan nomor ${n + 1} tentang tahapan program`;
      const text = chat.type === 'private' ? question : n % 2 === 0 ? `/tanya ${question}` : `@pandu_uji_bot ${question}`;
      pushedAt.set(question, performance.now());
      lastUpdate = h.tg.text(chat, from, text).updateId;
    }
    const isAnswer = (c: { method: string; status?: number }) => c.method === 'sendMessage' && c.status === 200;
    await h.tg.waitForCalls(isAnswer, questions, 120_000);
    await h.settle(lastUpdate);
    const seconds = (performance.now() - started) / 1000;

    const arrivals = new Map<string, number[]>();
    for (const c of h.tg.calls.filter(isAnswer)) {
      const m = /Jawaban untuk: (.+?)\n/.exec(String(c.payload.text));
      if (!m) continue;
      arrivals.set(m[1]!, [...(arrivals.get(m[1]!) ?? []), c.at]);
    }
    const latencies: number[] = [];
    let answeredOnce = 0;
    let missing = 0;
    let duplicates = 0;
    for (const [question, at] of pushedAt) {
      const got = arrivals.get(question) ?? [];
      if (got.length === 0) missing++;
      else if (got.length > 1) duplicates++;
      else {
        answeredOnce++;
        latencies.push(got[0]! - at);
      }
    }
    latencies.sort((a, b) => a - b);
    const groups = chats.filter((c) => c.chat.type !== 'private').map((c) => c.chat.id);
    return {
      mode: o.mode,
      questions,
      chats: chatCount,
      answeredOnce,
      missing,
      duplicates,
      seconds: Math.round(seconds * 100) / 100,
      throughputPerSec: Math.round((questions / seconds) * 10) / 10,
      latencyMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), max: Math.round(latencies.at(-1) ?? 0) },
      peakPerSecond: h.tg.maxSends(1000),
      peakPerGroupMinute: Math.max(0, ...groups.map((g) => h.tg.maxSends(60_000, g))),
    };
  } finally {
    await h.stop();
  }
}
