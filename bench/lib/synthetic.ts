import { readFileSync } from 'node:fs';
import type { Db } from '../../src/db/index.ts';
import type { Embedder } from '../../src/retrieval/embedder.ts';
import { indexTextOf, writeDocuments } from '../../src/retrieval/index-store.ts';
import { readJsonl } from './tydi.ts';

/**
 * Synthetic chunk texts: words drawn Zipf-like (rank-frequency) from the vocabulary of the
 * TyDi passages and our FAQ, 80–250 words each, so document frequencies have a realistic
 * long tail. Deterministic (fixed seed): every run and every peer gets the same texts.
 */
export function* syntheticTexts(n: number): Generator<string> {
  const counts = new Map<string, number>();
  const texts = [...readJsonl<{ text: string }>('passages.jsonl').map((p) => p.text), readFileSync('corpus/panduan/faq.md', 'utf8')];
  for (const t of texts) for (const w of t.toLowerCase().split(/[^\p{L}]+/u)) if (w.length > 1) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const cumulative: number[] = [];
  vocab.reduce((sum, _, i) => (cumulative[i] = sum + 1 / (i + 1)), 0);
  const harmonic = cumulative[cumulative.length - 1]!;
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  // Inverse-CDF sampling of a Zipf(1) distribution over the vocabulary ranks.
  const word = () => {
    const target = rand() * harmonic;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo]!;
  };
  for (let i = 0; i < n; i++) yield Array.from({ length: 80 + Math.floor(rand() * 170) }, word).join(' ');
}

/**
 * Writes n synthetic one-chunk documents (500 per transaction), the HNSW index built
 * after the load, then VACUUM ANALYZE on PostgreSQL. Returns the texts in id order.
 */
export async function loadSynthetic(db: Db, embedder: Embedder, n: number): Promise<string[]> {
  await db.exec('DROP INDEX IF EXISTS chunks_embedding_idx');
  const all: string[] = [];
  let batch: string[] = [];
  const flush = async () => {
    const vectors = await embedder.embed(batch);
    await writeDocuments(db, batch.map((text, k) => {
      const j = all.length - batch.length + k;
      return {
        doc: { path: `synthetic/${j}`, title: `Dokumen ${j}`, kind: 'lainnya', regionCode: null, contentHash: String(j), pageCount: null, bytes: text.length },
        chunks: [{ ordinal: 0, heading: '', page: null, text, indexText: indexTextOf(`Dokumen ${j}`, '', text), embedding: vectors[k]! }],
      };
    }));
    batch = [];
  };
  for (const text of syntheticTexts(n)) {
    all.push(text);
    batch.push(text);
    if (batch.length === 500) await flush();
  }
  if (batch.length > 0) await flush();
  await db.exec('CREATE INDEX chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops)');
  if (db.kind === 'postgres') await db.exec('VACUUM ANALYZE');
  return all;
}
