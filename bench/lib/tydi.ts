import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/db/index.ts';
import type { Embedder } from '../../src/retrieval/embedder.ts';
import { indexTextOf, writeDocuments } from '../../src/retrieval/index-store.ts';

export const TYDI_DIR = new URL('../../../shared/bench/tydiqa-id/', import.meta.url).pathname;

export interface TydiQuestion {
  id: string;
  question: string;
  passage_id: string;
  kind?: string;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(join(TYDI_DIR, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}

/** Indexes every passage as one document with one chunk (the benchmark's protocol). */
export async function indexPassages(db: Db, embedder: Embedder): Promise<number> {
  const passages = readJsonl<{ id: string; text: string }>('passages.jsonl');
  const batch = 64;
  for (let i = 0; i < passages.length; i += batch) {
    const slice = passages.slice(i, i + batch);
    const vectors = await embedder.embed(slice.map((p) => p.text));
    await writeDocuments(
      db,
      slice.map((p, j) => ({
        doc: { path: `tydi/${p.id}`, title: '', kind: 'lainnya', regionCode: null, contentHash: p.id, pageCount: null, bytes: p.text.length },
        chunks: [{ ordinal: 0, heading: '', page: null, text: p.text, indexText: indexTextOf('', '', p.text), embedding: vectors[j]! }],
      })),
    );
  }
  return passages.length;
}

export interface RankMetrics {
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'mrr@10': number;
}

/** Recall@k and MRR@10 of ranked passage ids against the gold passage. */
export function rankMetrics(ranked: ReadonlyArray<readonly string[]>, gold: readonly string[]): RankMetrics {
  let r1 = 0, r5 = 0, r10 = 0, mrr = 0;
  ranked.forEach((ids, i) => {
    const pos = ids.slice(0, 10).indexOf(gold[i]!);
    if (pos === 0) r1++;
    if (pos >= 0 && pos < 5) r5++;
    if (pos >= 0) {
      r10++;
      mrr += 1 / (pos + 1);
    }
  });
  const n = gold.length || 1;
  const f = (x: number) => Number((x / n).toFixed(3));
  return { 'recall@1': f(r1), 'recall@5': f(r5), 'recall@10': f(r10), 'mrr@10': f(mrr) };
}
