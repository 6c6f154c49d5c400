import type { Queryable } from '../db/index.ts';
import { BLOCK_POSTINGS, decodeBlock, type Postings } from './postings.ts';
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
/**
 * Scores are ranked at 1e-9: a sum's last bits depend on the order its terms are added in,
 * so two chunks that tie (the same words as often, the same length) tie exactly only when
 * compared at a precision above that noise. Ties go to the older chunk.
 */
export const RANK_PRECISION = 1e9;
const rankKey = (score: number) => Math.round(score * RANK_PRECISION);

/** One block's postings, decoded in place for each block scored (a block holds at most BLOCK_POSTINGS). */
let scratch = { chunkIds: new Int32Array(BLOCK_POSTINGS), tfs: new Int32Array(BLOCK_POSTINGS), dls: new Int32Array(BLOCK_POSTINGS) };
const roomFor = (n: number) => {
  if (n > scratch.chunkIds.length) scratch = { chunkIds: new Int32Array(n), tfs: new Int32Array(n), dls: new Int32Array(n) };
  return scratch;
};

/** A query term the index knows, with its weighted idf. */
export interface QueryTerm {
  readonly id: number;
  readonly term: string;
  readonly df: number;
  readonly idf: number;
}

/** Scores the chunks holding any of the terms (rarest first): the best `limit`, ranked. */
export type TermScorer = (db: Queryable, terms: readonly QueryTerm[], p: Bm25Params, avgdl: number, limit: number) => Promise<Bm25Row[]>;

/** One term's BM25 contribution. */
function contribution(idf: number, tf: number, dl: number, p: Bm25Params, avgdl: number): number {
  return (idf * tf * (p.k1 + 1)) / (tf + p.k1 * (1 - p.b + (p.b * dl) / avgdl));
}

/** Scores summed per chunk id (offset by the lowest id scored). */
interface Accumulator {
  readonly score: Float64Array;
  readonly matched: Float64Array;
  /** 1 for every chunk holding a query term (also when its weighted idf is 0). */
  readonly seen: Uint8Array;
  readonly lo: number;
}

/** Adds one block's postings of a term (a plain loop, kept apart so the engine optimises it). */
function addPostings(acc: Accumulator, block: Postings, n: number, idf: number, p: Bm25Params, avgdl: number): void {
  const { score, matched, seen, lo } = acc;
  const { chunkIds, tfs, dls } = block;
  for (let i = 0; i < n; i++) {
    const c = chunkIds[i]! - lo;
    seen[c] = 1;
    score[c] = score[c]! + contribution(idf, tfs[i]!, dls[i]!, p, avgdl);
    matched[c] = matched[c]! + idf;
  }
}

/** The best `limit` of the scored chunks: rank key descending, then chunk id ascending. */
function topChunks({ score, matched, seen, lo }: Accumulator, limit: number): Bm25Row[] {
  const keys: number[] = [];
  const ids: number[] = [];
  for (let c = 0; c < seen.length; c++) {
    if (seen[c] === 0) continue;
    const k = rankKey(score[c]!);
    let at = keys.length;
    if (at === limit && (k < keys[at - 1]! || (k === keys[at - 1]! && c > ids[at - 1]!))) continue;
    while (at > 0 && (k > keys[at - 1]! || (k === keys[at - 1]! && c < ids[at - 1]!))) at--;
    keys.splice(at, 0, k);
    ids.splice(at, 0, c);
    if (keys.length > limit) {
      keys.pop();
      ids.pop();
    }
  }
  return ids.map((c) => ({ chunk_id: c + lo, score: score[c]!, matched: matched[c]! }));
}

/**
 * Exact BM25 over every posting of the terms, summed here term at a time: the terms' blocks
 * are read in one query and added into arrays indexed by chunk id. Every chunk adds its
 * terms in the same order (rarest first), so equal postings give bit-equal scores.
 */
export const scoreBlocks: TermScorer = async (db, terms, p, avgdl, limit) => {
  const rank = new Map(terms.map((t, i) => [t.id, i]));
  const rows = await db.query<{ term_id: number; first_chunk: number; last_chunk: number; n: number; postings: Uint8Array }>(
    'SELECT term_id, first_chunk, last_chunk, n, postings FROM posting_blocks WHERE term_id = ANY($1::int[])',
    [terms.map((t) => t.id)],
  );
  if (rows.length === 0) return [];
  rows.sort((a, b) => rank.get(a.term_id)! - rank.get(b.term_id)! || a.first_chunk - b.first_chunk);
  const lo = rows.reduce((a, r) => Math.min(a, r.first_chunk), Infinity);
  const hi = rows.reduce((a, r) => Math.max(a, r.last_chunk), 0);
  const span = hi - lo + 1;
  const acc: Accumulator = { score: new Float64Array(span), matched: new Float64Array(span), seen: new Uint8Array(span), lo };
  for (const r of rows) {
    const into = roomFor(r.n);
    addPostings(acc, into, decodeBlock(r.postings, into), terms[rank.get(r.term_id)!]!.idf, p, avgdl);
  }
  return topChunks(acc, limit);
};

/**
 * BM25 (Okapi) over postings, idf from the current df and N, exact: every posting of every
 * known query term is scored (no pruning), by `scorer` (the blocks summed in memory).
 */
export async function bm25Search(db: Queryable, query: readonly WeightedTerm[], limit: number, p: Bm25Params = DEFAULT_BM25, scorer: TermScorer = scoreBlocks): Promise<Bm25Result> {
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
  // Rarest first: every chunk adds its terms in this order.
  const sorted = [...terms].sort((a, b) => a.df - b.df || a.id - b.id);
  return { rows: await scorer(db, sorted, p, avgdl, limit), idfMass, idf };
}
