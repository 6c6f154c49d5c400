import { RANK_PRECISION, type Bm25Row, type TermScorer } from '../../src/retrieval/bm25.ts';
import type { Queryable } from '../../src/db/index.ts';
import { BLOCK_POSTINGS, unpackPostings } from '../../src/retrieval/postings.ts';

/**
 * The reference the shipped scorer is checked against: the layout before migration 080, one
 * row per (term, chunk) with main's two B-tree indexes, copied from the blocks into
 * `bench_row_postings`, and main's exhaustive SQL scorer over it (GROUP BY: the database's
 * own addition order and ranking). Also bench:search's same-run latency baseline.
 */
export async function buildRowPostings(db: Queryable): Promise<void> {
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
  await db.exec('ANALYZE bench_row_postings');
}

/** main's `bm25_exhaustive` (6ea6f6f): every posting row of the terms summed by GROUP BY, ranked in SQL at the same precision. */
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

/** A posting as decoded from the blocks: `${termId}:${chunkId}` → [tf, dl]. */
export async function decodedPostings(db: Queryable): Promise<Map<string, [number, number]>> {
  const blocks = await db.query<{ term_id: number; first_chunk: number; last_chunk: number; postings: Uint8Array }>(
    'SELECT term_id, first_chunk, last_chunk, postings FROM posting_blocks',
  );
  const out = new Map<string, [number, number]>();
  for (const b of blocks) {
    const p = unpackPostings(b.postings);
    for (let i = 0; i < p.chunkIds.length; i++) {
      const key = `${b.term_id}:${p.chunkIds[i]}`;
      if (out.has(key)) throw new Error(`posting ${key} is in two blocks`);
      out.set(key, [p.tfs[i]!, p.dls[i]!]);
    }
    const ids = [...p.chunkIds];
    if (ids.length === 0 || ids.length > BLOCK_POSTINGS || ids[0] !== b.first_chunk || ids.at(-1) !== b.last_chunk || ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) {
      throw new Error(`block ${b.term_id}/${b.first_chunk} is not ${BLOCK_POSTINGS} or fewer postings in chunk order from first to last`);
    }
  }
  return out;
}

/**
 * What is inconsistent in the BM25 index (empty when exact): every chunk's term ids and its
 * postings agree, df counts a term's postings and blocks its rows, dl is the chunk's length,
 * N and the total length match the chunks.
 */
export async function indexProblems(db: Queryable): Promise<string[]> {
  const problems: string[] = [];
  const postings = await decodedPostings(db);
  const chunks = await db.query<{ id: number; length: number; term_ids: number[] }>('SELECT id, length, term_ids FROM chunks');
  const listed = new Set<string>();
  for (const c of chunks) {
    for (const t of c.term_ids) {
      const key = `${t}:${c.id}`;
      listed.add(key);
      const p = postings.get(key);
      if (!p) problems.push(`chunk ${c.id} lists term ${t} without a posting`);
      else if (p[1] !== c.length) problems.push(`posting ${key} has dl ${p[1]}, the chunk ${c.length}`);
    }
  }
  for (const key of postings.keys()) if (!listed.has(key)) problems.push(`posting ${key} of no chunk's terms`);
  const terms = await db.query<{ id: number; df: number; blocks: number; rows: number }>(
    'SELECT t.id, t.df, t.blocks, (SELECT count(*)::int FROM posting_blocks b WHERE b.term_id = t.id) AS rows FROM terms t',
  );
  const df = new Map<number, number>();
  for (const key of postings.keys()) df.set(Number(key.split(':')[0]), (df.get(Number(key.split(':')[0])) ?? 0) + 1);
  for (const t of terms) {
    if (t.df !== (df.get(t.id) ?? 0)) problems.push(`term ${t.id}: df ${t.df}, postings ${df.get(t.id) ?? 0}`);
    if (t.blocks !== t.rows) problems.push(`term ${t.id}: blocks ${t.blocks}, rows ${t.rows}`);
  }
  const [s] = await db.query<{ n: number; total: number; chunks: number; lengths: number }>(
    `SELECT s.n::int AS n, s.total_len::int AS total, (SELECT count(*)::int FROM chunks) AS chunks,
            (SELECT COALESCE(sum(length), 0)::int FROM chunks) AS lengths FROM bm25_stats s WHERE s.id = 1`,
  );
  if (s!.n !== s!.chunks || s!.total !== s!.lengths) problems.push(`stats n ${s!.n} total ${s!.total}, chunks ${s!.chunks} lengths ${s!.lengths}`);
  return problems;
}
