import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AnswerService } from '../answer/types.ts';
import type { Queryable } from '../db/index.ts';
import { search, type Embedder } from '../retrieval/index.ts';
import { PanduError } from '../errors.ts';
import { operatorMessages } from '../messages/operator.ts';

const item = z.object({
  id: z.string(),
  question: z.string(),
  type: z.string(),
  region: z.string().nullable().optional(),
  gold: z.array(z.object({ document: z.string(), section: z.string().optional() })),
  facts: z.array(z.string()),
  answerable: z.boolean(),
  /** Evaluation half of a set that is tuned on one part and reported on the other. */
  split: z.enum(['dev', 'test']).optional(),
  /** Where the fact sits in its document when that is the point of the item (dateline, bullets, scan …). */
  shape: z.string().optional(),
});
export type QaItem = z.infer<typeof item>;

export function readQaSet(file: string): QaItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = item.safeParse(JSON.parse(l));
      if (!parsed.success) throw new PanduError('USAGE', { detail: operatorMessages.qaLineInvalid(`${file}:${i + 1}`, parsed.error.issues[0]?.message ?? '') });
      return parsed.data;
    });
}

const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();

/** True when every key fact appears in the answer (case- and spacing-insensitive). */
export function factsHit(answer: string, facts: readonly string[]): boolean {
  const a = norm(answer);
  return facts.every((f) => a.includes(norm(f)));
}

export interface EvalReport {
  items: number;
  answerable: number;
  unanswerable: number;
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'mrr@10': number;
  factHit: number;
  refusalOnUnanswerable: number;
  falseRefusal: number;
  byType: Record<string, { n: number; factHit: number }>;
  /** Each item not answered as expected: the facts it needed and the start of the answer given. */
  misses: Array<{ id: string; question: string; why: string; expected: string[]; answer: string }>;
}

const round = (x: number) => Number(x.toFixed(3));
const MISS_EXCERPT_CHARS = 300;
const excerpt = (text: string) => (text.length > MISS_EXCERPT_CHARS ? `${text.slice(0, MISS_EXCERPT_CHARS)}…` : text);

/** Retrieval (gold-document recall, MRR) and answers (key facts, refusals) on a QA set. */
export async function evaluate(deps: { db: Queryable; embedder: Embedder; answers: AnswerService }, items: readonly QaItem[]): Promise<EvalReport> {
  let r1 = 0, r5 = 0, r10 = 0, mrr = 0, facts = 0, answerable = 0, unanswerable = 0, refusedUnans = 0, falseRefusals = 0;
  const byType: Record<string, { n: number; hits: number }> = {};
  const misses: EvalReport['misses'] = [];
  for (const it of items) {
    const answer = await deps.answers.ask({ question: it.question, platform: 'cli', regionCode: it.region ?? null, record: false });
    if (!it.answerable) {
      unanswerable++;
      if (answer.refused) refusedUnans++;
      else misses.push({ id: it.id, question: it.question, why: 'answered an unanswerable question', expected: [], answer: excerpt(answer.answer) });
      continue;
    }
    answerable++;
    const gold = new Set(it.gold.map((g) => g.document));
    const hits = await search(deps, it.question, { k: 30, regionCode: it.region ?? null });
    const docs = [...new Set(hits.map((h) => h.document))].slice(0, 10);
    // Deadline and checklist answers come from the tables; their citations name the source file.
    const cited = answer.citations.map((c) => c.document);
    const ranked = answer.intent === 'deadline' || answer.intent === 'checklist' ? [...new Set([...cited, ...docs])] : docs;
    const pos = ranked.findIndex((d) => gold.has(d));
    if (pos === 0) r1++;
    if (pos >= 0 && pos < 5) r5++;
    if (pos >= 0 && pos < 10) {
      r10++;
      mrr += 1 / (pos + 1);
    }
    const hit = !answer.refused && factsHit(answer.answer, it.facts);
    if (hit) facts++;
    if (answer.refused) falseRefusals++;
    const t = (byType[it.type] ??= { n: 0, hits: 0 });
    t.n++;
    if (hit) t.hits++;
    if (!hit) {
      const why = answer.refused ? 'refused' : pos < 0 ? 'gold document not retrieved' : 'key facts missing';
      misses.push({ id: it.id, question: it.question, why, expected: it.facts, answer: excerpt(answer.answer) });
    }
  }
  const a = answerable || 1;
  return {
    items: items.length,
    answerable,
    unanswerable,
    'recall@1': round(r1 / a),
    'recall@5': round(r5 / a),
    'recall@10': round(r10 / a),
    'mrr@10': round(mrr / a),
    factHit: round(facts / a),
    refusalOnUnanswerable: round(refusedUnans / (unanswerable || 1)),
    falseRefusal: round(falseRefusals / a),
    byType: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, { n: v.n, factHit: round(v.hits / v.n) }])),
    misses,
  };
}
