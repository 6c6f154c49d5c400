import type { Queryable } from '../db/index.ts';
import type { WeightedTerm } from './query.ts';

/** BM25 parameters (Okapi): term-frequency saturation and length normalisation. */
export interface Bm25Params {
  readonly k1: number;
  readonly b: number;
}

/** Chosen on the TyDi QA train split (see bench/RESULTS.md). */
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

export interface Bm25Row {
  chunk_id: number;
  score: number;
  /** Sum of the weighted idf of the query terms the chunk holds. */
  matched: number;
}

export interface Bm25Result {
  readonly rows: Bm25Row[];
  /** Weighted idf of every query term, unknown ones at half the weight of a term of df 0. */
  readonly idfMass: number;
  /** Weighted idf of each query term the index knows. */
  readonly idf: Map<string, number>;
}

/** Okapi BM25's idf of a term found in df of n chunks (the unseen-term mass uses df 0). */
export function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** An abbreviation found in fewer than 1/RARE_ABBREVIATION as many chunks as its expansion is shorthand. */
const RARE_ABBREVIATION = 5;
/** Below this many postings for the whole query, everything is scored exactly in one pass. */
const EXACT_POSTINGS = 20_000;
/** Terms in more than this share of chunks are left out of the first candidate step. */
const COMMON_SHARE = 0.1;
/** Candidates the first step hands to exact re-scoring. */
const RESCORE_CANDIDATES = 300;
/**
 * Scores are ranked at 1e-9: a sum's last bits depend on the order the database adds the
 * postings in (its plan), so two chunks that tie (the same words as often, the same length)
 * tie exactly only when compared at a precision above that noise. Ties go to the older chunk.
 */
const RANK_PRECISION = 1e9;
const rankKey = (score: number) => Math.round(score * RANK_PRECISION);
/** Bounds are compared with this much slack, so neither rounding nor the ranking precision certifies a wrong cut. */
const slack = (x: number) => x * (1 + 1e-9) + 10 / RANK_PRECISION;

interface QueryTerm {
  readonly id: number;
  readonly term: string;
  readonly df: number;
  readonly idf: number;
}

/** One term's BM25 contribution; written as the SQL below computes it, so both round alike. */
function contribution(idf: number, tf: number, dl: number, p: Bm25Params, avgdl: number): number {
  return (idf * tf * (p.k1 + 1)) / (tf + p.k1 * (1 - p.b + (p.b * dl) / avgdl));
}

/** Sums the postings of some terms per chunk: the best `limit` chunks by that partial score. */
async function sumPostings(db: Queryable, terms: readonly QueryTerm[], p: Bm25Params, avgdl: number, limit: number): Promise<Bm25Row[]> {
  return db.query<Bm25Row>(
    `SELECT chunk_id, score, matched FROM (
       SELECT p.chunk_id,
              sum(x.idf * p.tf * ($3::float8 + 1) / (p.tf + $3::float8 * (1 - $4::float8 + $4::float8 * p.dl / $5::float8))) AS score,
              sum(x.idf) AS matched
         FROM unnest($1::int[], $2::float8[]) AS x(id, idf) JOIN postings p ON p.term_id = x.id
        GROUP BY p.chunk_id) s
      ORDER BY round(score * ${RANK_PRECISION}) DESC, chunk_id
      LIMIT $6`,
    [terms.map((t) => t.id), terms.map((t) => t.idf), p.k1, p.b, avgdl, limit],
  );
}

const byScore = (a: Bm25Row, b: Bm25Row) => rankKey(b.score) - rankKey(a.score) || a.chunk_id - b.chunk_id;

/** Adds the other terms' contributions to candidates (their postings looked up by chunk). */
async function rescore(db: Queryable, rows: readonly Bm25Row[], rest: readonly QueryTerm[], p: Bm25Params, avgdl: number): Promise<Bm25Row[]> {
  const byChunk = new Map(rows.map((r) => [r.chunk_id, { ...r }]));
  const found = await db.query<{ chunk_id: number; term_id: number; tf: number; dl: number }>(
    'SELECT chunk_id, term_id, tf, dl FROM postings WHERE chunk_id = ANY($1::int[]) AND term_id = ANY($2::int[])',
    [rows.map((r) => r.chunk_id), rest.map((t) => t.id)],
  );
  const hits = new Map(found.map((f) => [`${f.chunk_id}:${f.term_id}`, f]));
  for (const r of byChunk.values()) {
    for (const t of rest) {
      const f = hits.get(`${r.chunk_id}:${t.id}`);
      if (!f) continue;
      r.score += contribution(t.idf, f.tf, f.dl, p, avgdl);
      r.matched += t.idf;
    }
  }
  return [...byChunk.values()].sort(byScore);
}

/** The most a chunk can get from these terms: BM25's tf factor never exceeds k1 + 1. */
const upperBound = (terms: readonly QueryTerm[], p: Bm25Params) => terms.reduce((a, t) => a + t.idf * (p.k1 + 1), 0);

/**
 * The exact top `limit` by BM25 without summing every posting of very common terms
 * (MaxScore-style, certified). The rarer terms pick candidates, which are then scored
 * with all terms. The cut is kept only when it provably loses nothing: a chunk outside
 * the candidates scores at most its first-step score (no more than the best one left
 * out) plus the most the other terms can add, and that must stay below the `limit`-th
 * exact score found. Otherwise more terms join the first step, up to all of them.
 */
async function prunedTopK(db: Queryable, sorted: readonly QueryTerm[], first: number, p: Bm25Params, avgdl: number, limit: number): Promise<Bm25Row[]> {
  const take = Math.max(RESCORE_CANDIDATES, limit);
  for (let e = first; e < sorted.length; ) {
    const rest = sorted.slice(e);
    const rows = await sumPostings(db, sorted.slice(0, e), p, avgdl, take + 1);
    const full = await rescore(db, rows.slice(0, take), rest, p, avgdl);
    const kth = full[limit - 1]?.score;
    const outside = (rows[take]?.score ?? 0) + upperBound(rest, p);
    if (kth !== undefined && slack(outside) < kth) return full.slice(0, limit);
    // Fewest terms whose bound still stays below the best k-th score seen, at least one more.
    let next = e + 1;
    while (kth !== undefined && next < sorted.length && slack(upperBound(sorted.slice(next), p)) >= kth) next++;
    e = next;
  }
  return sumPostings(db, sorted, p, avgdl, limit);
}

/**
 * BM25 (Okapi) over postings, idf from the current df and N, exact: the same top `limit`
 * (ids, order and scores) as summing every posting. Queries over more than
 * `exactPostings` postings go through the certified cut above, which bounds the cost of
 * questions whose every term is common.
 */
export async function bm25Search(db: Queryable, query: readonly WeightedTerm[], limit: number, p: Bm25Params = DEFAULT_BM25, exactPostings = EXACT_POSTINGS): Promise<Bm25Result> {
  if (query.length === 0) return { rows: [], idfMass: 0, idf: new Map() };
  const wanted = [...new Set([...query.map((q) => q.term), ...query.flatMap((q) => (q.expands ? [q.expands] : []))])];
  const known = await db.query<{ id: number; term: string; df: number; n: number; avgdl: number }>(
    `SELECT t.id, t.term, t.df, s.n::float8 AS n, s.total_len::float8 / greatest(s.n, 1) AS avgdl
       FROM bm25_stats s LEFT JOIN terms t ON t.term = ANY($1::text[]) AND t.df > 0
      WHERE s.id = 1`,
    [wanted],
  );
  const n = known[0]?.n ?? 0;
  const avgdl = known[0]?.avgdl || 1;
  const rowsFound = known.filter((t) => t.id !== null);
  // An abbreviation the documents hardly use ('QW' where they write 'quick win') is the
  // officer's shorthand: its expansion then carries the full weight.
  const dfOf = new Map(rowsFound.map((t) => [t.term, t.df]));
  const weight = new Map(
    query.map((q) => [q.term, q.expands !== undefined && (dfOf.get(q.expands) ?? 0) * RARE_ABBREVIATION < (dfOf.get(q.term) ?? 0) ? 1 : q.weight]),
  );
  const terms: QueryTerm[] = rowsFound.map((t) => ({ id: t.id, term: t.term, df: t.df, idf: (weight.get(t.term) ?? 1) * bm25Idf(n, t.df) }));
  const idf = new Map(terms.map((t) => [t.term, t.idf]));
  // The idf mass also counts query terms no chunk contains: words the corpus never uses
  // (English, typos, names) weaken the evidence, at half the weight of a rare corpus
  // word: enough to tell off-topic questions, not to refuse slang.
  const unknown = query.filter((q) => q.weight >= 1 && !dfOf.has(q.term)).length;
  const idfMass = terms.reduce((a, t) => a + t.idf, 0) + (unknown * bm25Idf(n, 0)) / 2;
  if (terms.length === 0) return { rows: [], idfMass, idf };
  // Rarest first: the exhaustive sum and the cut add terms in the same order.
  const sorted = [...terms].sort((a, b) => a.df - b.df || a.id - b.id);
  const postings = terms.reduce((a, t) => a + t.df, 0);
  if (sorted.length === 1 || postings <= exactPostings) return { rows: await sumPostings(db, sorted, p, avgdl, limit), idfMass, idf };
  const rare = sorted.filter((t) => t.df <= COMMON_SHARE * n).length;
  const first = Math.min(sorted.length - 1, Math.max(1, rare));
  return { rows: await prunedTopK(db, sorted, first, p, avgdl, limit), idfMass, idf };
}
