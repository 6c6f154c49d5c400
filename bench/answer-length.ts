/**
 * Telegram answer length over the own evaluation set (eval/real/qa.jsonl, both halves):
 * `corpus/` and eval/real/docs are ingested into a fresh in-memory database, every question is
 * answered twice in the same run and rendered as Telegram shows it:
 * - before: no chat budget (the composer's default), the whole answer text in the message;
 * - after: the chat's budget (700 characters in groups, 1,200 in private chats), the first
 *   message as sent (the rest behind "Selengkapnya").
 * Prints median and p90 of the characters a reader sees (tags removed, entities decoded).
 *   node --import tsx bench/answer-length.ts
 */
import { createAnswerService } from '../src/answer/service.ts';
import { BUDGET } from '../src/bots/telegram/features/ask.ts';
import { renderAnswer } from '../src/bots/telegram/render.ts';
import { readQaSet } from '../src/evaluation/index.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import { createHashingEmbedder } from '../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../src/retrieval/index-store.ts';
import { freshDb } from './lib/db.ts';
import { REAL_DOCS, REAL_QA } from './lib/real.ts';

const visible = (html: string): number =>
  html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').length;

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

const logger = createLogger('warn', { pretty: false });
const embedder = createHashingEmbedder();
const db = await freshDb();
await ensureEmbeddings(db, embedder);
await ingestPaths({ db, embedder, logger }, ['corpus', REAL_DOCS]);
const answers = createAnswerService({ db, embedder, logger });
const items = readQaSet(REAL_QA);
const lengths: Record<string, number[]> = { before: [], 'after, group': [], 'after, private': [], 'after, group, with Selengkapnya': [] };
let offered = 0;
for (const it of items) {
  const ask = (budget?: number) => answers.ask({ question: it.question, platform: 'telegram', regionCode: it.region ?? null, record: false, budget });
  lengths.before!.push(renderAnswer(await ask()).reduce((n, m) => n + visible(m), 0));
  for (const [chat, budget] of [['group', BUDGET.group], ['private', BUDGET.private]] as const) {
    const a = await ask(budget);
    lengths[`after, ${chat}`]!.push(visible(renderAnswer(a)[0] ?? ''));
    if (chat === 'group' && a.more) {
      offered++;
      lengths['after, group, with Selengkapnya']!.push(visible(renderAnswer({ ...a, answer: `${a.answer}\n\n${a.more}` })[0] ?? ''));
    }
  }
}
await db.close();
process.stdout.write(`${items.length} questions; "Selengkapnya" offered in groups for ${offered}\n`);
process.stdout.write('| answer | median | p90 | max |\n|---|---|---|---|\n');
for (const [k, v] of Object.entries(lengths)) process.stdout.write(`| ${k} | ${quantile(v, 0.5)} | ${quantile(v, 0.9)} | ${Math.max(...v)} |\n`);
