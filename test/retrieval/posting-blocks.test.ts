import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openDatabase, type Db } from '../../src/db/index.ts';
import { removeDocument } from '../../src/ingest/runs.ts';
import { termCounts } from '../../src/language/index.ts';
import { bm25Idf, bm25Search, DEFAULT_BM25 } from '../../src/retrieval/bm25.ts';
import { writeDocuments } from '../../src/retrieval/index-store.ts';
import type { WeightedTerm } from '../../src/retrieval/query.ts';
import { indexProblems } from '../support/bm25-reference.ts';
import { backends, createPostgresDatabase, testDb, type BackendName } from '../support/db.ts';

const VOCAB = ['kota', 'daerah', 'layanan', 'program', 'warga', 'data', 'jalan', 'pasar', 'sekolah', 'sungai', 'embung', 'sagu', 'likuefaksi', 'khatulistiwa'];

function randomText(seed: { s: number }): string {
  const rand = () => (seed.s = (seed.s * 1103515245 + 12345) % 2147483648) / 2147483648;
  // Zipf-like draws: the first words are in most chunks, the last in a few.
  const word = () => VOCAB[Math.min(VOCAB.length - 1, Math.floor(VOCAB.length * rand() ** 2.5))]!;
  return Array.from({ length: 3 + Math.floor(rand() * 25) }, word).join(' ');
}

const item = (path: string, text: string) => ({
  doc: { path, title: '', kind: 'lainnya', regionCode: null, contentHash: text, pageCount: null, bytes: text.length },
  chunks: [{ ordinal: 0, heading: '', page: null, text, indexText: text, embedding: null }],
});

/** BM25 from the stored chunk texts alone (no postings): the top `limit` as [chunk id, score]. */
async function naiveTop(db: Db, query: readonly string[], limit: number): Promise<Array<[number, number]>> {
  const chunks = await db.query<{ id: number; text: string }>('SELECT id, text FROM chunks');
  const counts = new Map(chunks.map((c) => [c.id, termCounts(c.text)]));
  const len = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const avgdl = [...counts.values()].reduce((a, m) => a + len(m), 0) / counts.size;
  const df = (t: string) => [...counts.values()].filter((m) => m.has(t)).length;
  const terms = query.filter((t) => df(t) > 0).sort((a, b) => df(a) - df(b) || a.localeCompare(b));
  const { k1, b } = DEFAULT_BM25;
  const scored: Array<[number, number]> = [];
  for (const [id, m] of counts) {
    let score = 0;
    for (const t of terms) {
      const tf = m.get(t) ?? 0;
      if (tf > 0) score += (bm25Idf(counts.size, df(t)) * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len(m)) / avgdl));
    }
    if (score > 0) scored.push([id, score]);
  }
  const key = (s: number) => Math.round(s * 1e9);
  return scored.sort((x, y) => key(y[1]) - key(x[1]) || x[0] - y[0]).slice(0, limit);
}

/** The shipped BM25 equals the naive scorer on random questions: same chunks, order and scores. */
async function ranksAsNaive(db: Db, questions: number): Promise<void> {
  const seed = { s: 11 };
  for (let q = 0; q < questions; q++) {
    const words = [...termCounts(randomText(seed)).keys()].slice(0, 2 + (q % 4));
    const query: WeightedTerm[] = words.map((term) => ({ term, weight: 1 }));
    const [got, want] = [await bm25Search(db, query, 10), await naiveTop(db, words, 10)];
    expect(got.rows.map((r) => r.chunk_id)).toEqual(want.map((w) => w[0]));
    got.rows.forEach((r, i) => expect(r.score).toBeCloseTo(want[i]![1], 9));
  }
}

/** 600 random chunks written in 30 transactions: common terms gather enough blocks to be merged. */
async function writeRandom(db: Db): Promise<void> {
  const seed = { s: 7 };
  for (let batch = 0; batch < 30; batch++) {
    await writeDocuments(db, Array.from({ length: 20 }, (_, i) => item(`uji/r-${batch * 20 + i}`, randomText(seed))));
  }
}

async function oldLayoutDb(backend: BackendName): Promise<Db> {
  const db = await openDatabase(backend === 'pglite' ? 'memory://' : await createPostgresDatabase('layout'));
  await migrate(db, loadMigrations().filter((m) => m.version < 80));
  return db;
}

/** Writes chunks the way the row-per-posting layout (before migration 080) did. */
async function writeOldLayout(db: Db, texts: readonly string[]): Promise<void> {
  for (const [i, text] of texts.entries()) {
    const counts = termCounts(text);
    const length = [...counts.values()].reduce((a, b) => a + b, 0);
    const [doc] = await db.query<{ id: number }>(
      `INSERT INTO documents (path, title, kind, content_hash, bytes) VALUES ($1, '', 'lainnya', $1, 1) RETURNING id`,
      [`lama/${i}`],
    );
    const [chunk] = await db.query<{ id: number }>(
      `INSERT INTO chunks (document_id, ordinal, heading, text, length) VALUES ($1, 0, '', $2, $3) RETURNING id`,
      [doc!.id, text, length],
    );
    for (const [term, tf] of counts) {
      const [t] = await db.query<{ id: number }>(
        'INSERT INTO terms (term, df) VALUES ($1, 1) ON CONFLICT (term) DO UPDATE SET df = terms.df + 1 RETURNING id',
        [term],
      );
      await db.query('INSERT INTO postings (term_id, chunk_id, tf, dl) VALUES ($1, $2, $3, $4)', [t!.id, chunk!.id, tf, length]);
    }
    await db.query('UPDATE bm25_stats SET n = n + 1, total_len = total_len + $1 WHERE id = 1', [length]);
  }
}

describe.each(backends)('BM25 posting blocks on %s', (backend) => {
  it('scores every question exactly as BM25 over the chunk texts, also after blocks were merged', async () => {
    const db = await testDb(backend);
    await writeRandom(db);
    const [most] = await db.query<{ blocks: number; df: number }>('SELECT blocks, df FROM terms ORDER BY df DESC LIMIT 1');
    // 'kota' is in most of the 600 chunks: without merging it would have 30 blocks.
    expect(most!.df).toBeGreaterThan(300);
    expect(most!.blocks).toBeLessThanOrEqual(9);
    expect(await indexProblems(db)).toEqual([]);
    await ranksAsNaive(db, 40);
  });

  it('keeps df, N and the blocks exact when documents are replaced and removed', async () => {
    const db = await testDb(backend);
    await writeRandom(db);
    const seed = { s: 99 };
    // Replace 25 documents in one transaction (new texts), then remove 15 one by one.
    await writeDocuments(db, Array.from({ length: 25 }, (_, i) => item(`uji/r-${i * 17}`, `${randomText(seed)} pengganti`)));
    const docs = await db.query<{ id: number }>(`SELECT id FROM documents WHERE path LIKE 'uji/r-%' ORDER BY id LIMIT 15 OFFSET 100`);
    for (const d of docs) await removeDocument(db, d.id);
    expect((await db.query('SELECT 1 FROM documents')).length).toBe(585);
    expect(await indexProblems(db)).toEqual([]);
    const [df] = await db.query<{ df: number }>('SELECT df FROM terms WHERE term = $1', [[...termCounts('pengganti').keys()][0]]);
    expect(df!.df).toBe(25);
    await ranksAsNaive(db, 30);
  });

  it('splits a term found in more chunks than a block holds and rewrites only what a removal touches', async () => {
    const db = await testDb(backend);
    await writeDocuments(db, Array.from({ length: 4500 }, (_, i) => item(`uji/b-${i}`, `kota nomor${i}`)));
    const [kota] = await db.query<{ df: number; blocks: number }>(`SELECT df, blocks FROM terms WHERE term = 'kota'`);
    expect(kota).toEqual({ df: 4500, blocks: 2 });
    const [doc] = await db.query<{ id: number }>(`SELECT id FROM documents WHERE path = 'uji/b-4200'`);
    await removeDocument(db, doc!.id);
    expect(await indexProblems(db)).toEqual([]);
    const { rows } = await bm25Search(db, [{ term: 'kota', weight: 1 }, { term: 'nomor4200', weight: 1 }], 3);
    expect(rows).toHaveLength(3);
    expect((await db.query<{ df: number }>(`SELECT df FROM terms WHERE term = 'kota'`))[0]!.df).toBe(4499);
  });

  it('converts an index of posting rows (before migration 080) into blocks that rank and delete alike', async () => {
    const db = await oldLayoutDb(backend);
    try {
      const seed = { s: 7 };
      await writeOldLayout(db, Array.from({ length: 150 }, () => randomText(seed)));
      await migrate(db);
      expect(await db.query(`SELECT 1 FROM pg_tables WHERE tablename = 'postings'`)).toEqual([]);
      expect(await indexProblems(db)).toEqual([]);
      await ranksAsNaive(db, 20);
      const [doc] = await db.query<{ id: number }>(`SELECT id FROM documents WHERE path = 'lama/40'`);
      await removeDocument(db, doc!.id);
      await writeDocuments(db, [item('lama/baru', 'kota sagu embung baru')]);
      expect(await indexProblems(db)).toEqual([]);
      await ranksAsNaive(db, 20);
    } finally {
      await db.close();
    }
  });
});
