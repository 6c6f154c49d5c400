import type { Db } from '../../src/db/index.ts';
import { RANK_PRECISION, type Bm25Row, type TermScorer } from '../../src/retrieval/bm25.ts';
import { unpackPostings } from '../../src/retrieval/postings.ts';

/**
 * The layout before migration 080, kept in the bench database as the same-run baseline: one
 * row per (term, chunk) with main's two B-tree indexes, and its exhaustive SQL scorer (the
 * GROUP BY over posting rows). Built once from the blocks; BENCH_REUSE keeps it.
 */
export async function ensureRowPostings(db: Db): Promise<void> {
  const [done] = await db.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'bench_row_postings_chunk_idx'`);
  if (done) return;
  await db.exec('DROP TABLE IF EXISTS bench_row_postings');
  await db.exec('CREATE TABLE bench_row_postings (term_id int NOT NULL, chunk_id int NOT NULL, tf int NOT NULL, dl int NOT NULL)');
  const terms = await db.query<{ term_id: number }>('SELECT DISTINCT term_id FROM posting_blocks ORDER BY term_id');
  const ids = terms.map((t) => t.term_id);
  for (let i = 0; i < ids.length; i += 2_000) {
    const blocks = await db.query<{ term_id: number; postings: Uint8Array }>(
      'SELECT term_id, postings FROM posting_blocks WHERE term_id = ANY($1::int[]) ORDER BY term_id, first_chunk',
      [ids.slice(i, i + 2_000)],
    );
    const cols: [number[], number[], number[], number[]] = [[], [], [], []];
    for (const b of blocks) {
      const p = unpackPostings(b.postings);
      p.chunkIds.forEach((c, k) => {
        cols[0].push(b.term_id);
        cols[1].push(c);
        cols[2].push(p.tfs[k]!);
        cols[3].push(p.dls[k]!);
      });
    }
    await db.query('INSERT INTO bench_row_postings SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[])', cols);
  }
  await db.exec('CREATE INDEX bench_row_postings_term_idx ON bench_row_postings (term_id) INCLUDE (chunk_id, tf, dl)');
  await db.exec('CREATE INDEX bench_row_postings_chunk_idx ON bench_row_postings (chunk_id, term_id) INCLUDE (tf, dl)');
  await db.exec('VACUUM ANALYZE bench_row_postings');
}

/** main's `bm25_exhaustive` (6ea6f6f): every posting row of the terms summed by GROUP BY. */
export const rowsScorer: TermScorer = (db, terms, p, avgdl, limit) =>
  db.query<Bm25Row>(
    `SELECT chunk_id, score, matched FROM (
       SELECT p.chunk_id,
              sum(x.idf * p.tf * ($3::float8 + 1) / (p.tf + $3::float8 * (1 - $4::float8 + $4::float8 * p.dl / $5::float8))) AS score,
              sum(x.idf) AS matched
         FROM unnest($1::int[], $2::float8[]) AS x(id, idf) JOIN bench_row_postings p ON p.term_id = x.id
        GROUP BY p.chunk_id) s
      ORDER BY round(score * ${RANK_PRECISION}) DESC, chunk_id
      LIMIT $6`,
    [terms.map((t) => t.id), terms.map((t) => t.idf), p.k1, p.b, avgdl, limit],
  );
