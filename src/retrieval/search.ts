import type { Queryable } from '../db/index.ts';
import { toVectorLiteral } from '../db/index.ts';
import type { Embedder } from './embedder.ts';
import { analyzeQuery, CONTEXT_WEIGHT, emphasizeNames, queryConcepts, type QueryConcept } from './query.ts';
import { MONTH_NAMES, terms } from '../language/index.ts';
import { bm25Idf, bm25Search, DEFAULT_BM25 } from './bm25.ts';
import { lastHeading } from './heading-path.ts';

export { bm25Search, type Bm25Result, type Bm25Row } from './bm25.ts';

export interface SearchHit {
  readonly chunkId: number;
  readonly document: string;
  readonly title: string;
  readonly kind: string;
  readonly regionCode: string | null;
  readonly heading: string;
  readonly page: number | null;
  readonly text: string;
  /** The document's dateline: ISO date and place, when it states them. */
  readonly publishedAt?: string | null;
  readonly place?: string | null;
  /** The document's public address (front matter `url:`), when it has one. */
  readonly url?: string | null;
  /** Fused score, higher is better (0..1 scale after normalisation). */
  readonly score: number;
  /** BM25 score of the chunk (0 when only the vector search found it). */
  readonly bm25: number;
  /** Share of the query's IDF mass the chunk contains (0..1): evidence strength. */
  readonly coverage: number;
}

export interface FusionWeights {
  /** Bonus when a chunk holds the kind of thing the question word asks for (kapan → a date, berapa → a number). */
  readonly answerType: number;
  /** Weight of the vector similarity (relative to the top one) added to BM25 (relative to the top one). */
  readonly vector: number;
  /** BM25 parameters. */
  readonly k1: number;
  readonly b: number;
  /**
   * Bonus for a chunk whose opening words (its first OPENING_TERMS index terms) hold the
   * question's terms, times the share of the query's idf they carry: a passage that
   * starts with the question's subject is about it, one that mentions it in passing is not.
   */
  readonly opening: number;
  /** Query terms written as names (capitalised inside the question) or holding digits weigh 1 + this. */
  readonly names: number;
}

/** Chosen on the TyDi QA train split and our own eval set (see bench/RESULTS.md). */
export const DEFAULT_WEIGHTS: FusionWeights = { vector: 0.1, answerType: 0.2, ...DEFAULT_BM25, opening: 0.4, names: 0.5 };

/** How many index terms of a chunk's text count as its opening. */
export const OPENING_TERMS = 4;

export interface SearchOptions {
  readonly k?: number;
  readonly regionCode?: string | null;
  readonly mode?: 'hybrid' | 'bm25' | 'vector';
  readonly weights?: FusionWeights;
  /** Candidates taken from each ranker before fusion. */
  readonly candidates?: number;
}

/** A question concept with its weight: the idf of its own term, or of its expansion when the corpus never uses the abbreviation. */
export interface WeightedConcept extends QueryConcept {
  readonly weight: number;
  /** Some document uses it (false: a typo, slang or a word of another topic). */
  readonly known?: boolean;
}

/** The question's concepts weighted by idf, for the answer composer. */
export async function weightedConcepts(db: Queryable, question: string): Promise<WeightedConcept[]> {
  const concepts = queryConcepts(question);
  if (concepts.length === 0) return [];
  const all = [...new Set(concepts.flatMap((c) => c.forms.flat()))];
  const [stats] = await db.query<{ n: number }>('SELECT n::float8 AS n FROM bm25_stats WHERE id = 1');
  const n = stats?.n ?? 0;
  const rows = await db.query<{ term: string; df: number }>('SELECT term, df FROM terms WHERE term = ANY($1::text[]) AND df > 0', [all]);
  const df = new Map(rows.map((r) => [r.term, r.df]));
  const idf = (t: string) => bm25Idf(n, df.get(t) ?? 1);
  return concepts.map((c) => {
    const own = c.forms[0]![0]!;
    // An abbreviation's reading the documents use ('nk': 'nota kesepakatan' or 'nota kesepahaman').
    const expansion = c.forms.slice(1).find((f) => f.some((t) => df.has(t))) ?? c.forms[1];
    const known = df.has(own) || (expansion?.some((t) => df.has(t)) ?? false);
    // A word no document uses (a typo, chat slang, another topic) cannot be quoted: it weighs half,
    // as in the search's evidence mass, and is never the question's key idea.
    const base = !df.has(own) && expansion ? expansion.reduce((a, t) => a + idf(t), 0) / expansion.length : known ? idf(own) : bm25Idf(n, 0) / 2;
    const weight = c.context ? base * CONTEXT_WEIGHT : base;
    return { ...c, weight, known };
  });
}

export async function vectorSearch(db: Queryable, vector: Float32Array, limit: number) {
  return db.query<{ chunk_id: number; sim: number }>(
    `SELECT id AS chunk_id, 1 - (embedding <=> $1) AS sim FROM chunks WHERE embedding IS NOT NULL ORDER BY embedding <=> $1 LIMIT $2`,
    [toVectorLiteral(vector), limit],
  );
}

const MONTH = `(${MONTH_NAMES.join('|')})`;
const ANSWER_TYPES: ReadonlyArray<[RegExp, RegExp]> = [
  [/\b(kapan|tahun berapa|tanggal berapa|sejak kapan)\b/i, new RegExp(`\\b(1[5-9]\\d\\d|20\\d\\d)\\b|\\b\\d{1,2} ${MONTH}\\b`, 'i')],
  [/\b(berapa|berapakah)\b/i, /\d/],
  [/\b(siapa|siapakah)\b/i, /\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u],
  [/\b(di ?mana|dimanakah|di manakah)\b/i, /\b(di|ke) \p{Lu}\p{Ll}+/u],
];

/** The pattern an answer to this question word usually contains, if the question has one. */
function expectedAnswerType(question: string): RegExp | null {
  for (const [q, a] of ANSWER_TYPES) if (q.test(question)) return a;
  return null;
}

/**
 * What a passage opens with: its first words (a news lead, an encyclopaedia paragraph) and,
 * when it is a section of a longer document, the section's own heading, which names its subject.
 */
function openingOf(m: { heading: string; title: string; text: string }): string[] {
  const section = m.heading && m.heading !== m.title ? lastHeading(m.heading) : '';
  return section ? [...terms(section), ...openingTerms(m.text)] : openingTerms(m.text);
}

/** The first OPENING_TERMS index terms of a text (only its start is tokenised). */
export function openingTerms(text: string): string[] {
  // Stemming is the cost: tokenise a short head (cut at a space so no word is split),
  // longer only when it holds too few terms.
  for (let size = 120; ; size *= 2) {
    if (text.length <= size) return terms(text).slice(0, OPENING_TERMS);
    const found = terms(text.slice(0, text.lastIndexOf(' ', size) + 1 || size));
    if (found.length >= OPENING_TERMS) return found.slice(0, OPENING_TERMS);
  }
}

/** A chunk with its document, as search results carry it. */
interface PassageRow {
  id: number; path: string; title: string; kind: string; region_code: string | null; heading: string; page: number | null; text: string;
  published_at: string | null; place: string | null; url: string | null;
}
const PASSAGES = `SELECT c.id, d.path, d.title, d.kind, d.region_code, c.heading, c.page, c.text,
       to_char(d.published_at, 'YYYY-MM-DD') AS published_at, d.place, d.url
  FROM chunks c JOIN documents d ON d.id = c.document_id`;

function hitOf(r: PassageRow, scores: Pick<SearchHit, 'score' | 'bm25' | 'coverage'>): SearchHit {
  return {
    chunkId: r.id, document: r.path, title: r.title, kind: r.kind, regionCode: r.region_code, heading: r.heading, page: r.page, text: r.text,
    publishedAt: r.published_at, place: r.place, url: r.url, ...scores,
  };
}

/** Hybrid retrieval: BM25 and vector candidates fused by a weighted sum of scores relative to each ranker's best, region-aware. */
export async function search(
  deps: { db: Queryable; embedder: Embedder },
  question: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const k = options.k ?? 5;
  const w = options.weights ?? DEFAULT_WEIGHTS;
  const mode = options.mode ?? 'hybrid';
  const candidates = options.candidates ?? 40;
  const query = emphasizeNames(question, analyzeQuery(question), w.names);
  const fused = new Map<number, { score: number; bm25: number; matched: number }>();
  // Both rankers at once: on PostgreSQL they run on two pooled connections.
  const [lexical, vectors] = await Promise.all([
    mode !== 'vector' ? bm25Search(deps.db, query, candidates, w) : null,
    mode !== 'bm25' ? deps.embedder.embed([question]).then(([v]) => vectorSearch(deps.db, v!, candidates)) : null,
  ]);
  const idfMass = lexical?.idfMass ?? 0;
  if (lexical) {
    const max = lexical.rows[0]?.score || 1;
    for (const r of lexical.rows) fused.set(r.chunk_id, { score: r.score / max, bm25: r.score, matched: r.matched });
  }
  if (vectors) {
    const max = vectors[0]?.sim || 1;
    for (const r of vectors) {
      const cur = fused.get(r.chunk_id) ?? { score: 0, bm25: 0, matched: 0 };
      cur.score += (mode === 'vector' ? 1 : w.vector) * (r.sim / max);
      fused.set(r.chunk_id, cur);
    }
  }
  if (fused.size === 0) return [];
  const ids = [...fused.keys()];
  const meta = await deps.db.query<PassageRow>(`${PASSAGES} WHERE c.id = ANY($1::int[])`, [ids]);
  const region = options.regionCode ?? null;
  const wants = expectedAnswerType(question);
  const termIdf = lexical?.idf ?? new Map<string, number>();
  const knownMass = [...termIdf.values()].reduce((a, b) => a + b, 0);
  const hits = meta.map((m) => {
    const f = fused.get(m.id)!;
    let score = f.score;
    if (mode === 'hybrid' && wants && w.answerType > 0 && wants.test(m.text)) score += w.answerType;
    if (mode === 'hybrid' && w.opening > 0 && knownMass > 0) {
      let opening = 0;
      for (const t of new Set(openingOf(m))) opening += termIdf.get(t) ?? 0;
      score += (w.opening * opening) / knownMass;
    }
    // A region's own masterplan is preferred for its officers; another region's is rarely the answer.
    if (region && m.region_code === region) score *= 1.5;
    else if (region && m.region_code && m.region_code !== region) score *= 0.5;
    return hitOf(m, { score, bm25: f.bm25, coverage: idfMass > 0 ? Math.min(1, f.matched / idfMass) : 0 });
  });
  hits.sort((a, b) => b.score - a.score || a.chunkId - b.chunkId);
  const top = hits[0]?.score ?? 1;
  return hits.slice(0, k).map((h) => ({ ...h, score: Number((h.score / top).toFixed(4)) }));
}

/**
 * Sections whose own heading names a term ('Program inovasi', 'Quick win (QW)' for 'qw'):
 * where a document defines it. Shortest section first: a definition is short.
 */
export async function sectionsTitled(db: Queryable, term: string, limit = 2): Promise<SearchHit[]> {
  const wanted = terms(term);
  if (wanted.length === 0 || wanted.length > 4) return [];
  const rows = await db.query<PassageRow>(`${PASSAGES} WHERE c.heading ILIKE $1 AND length(c.text) > 40`, [
    `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
  ]);
  const same = (a: readonly string[]) => a.length === wanted.length && a.every((t, i) => t === wanted[i]);
  return rows
    .filter((r) => {
      const own = lastHeading(r.heading);
      const abbr = /\(([^)]+)\)\s*$/.exec(own)?.[1];
      return same(terms(own.replace(/\([^)]*\)\s*$/, ''))) || (abbr !== undefined && same(terms(abbr)));
    })
    .sort((a, b) => a.text.length - b.text.length || a.id - b.id)
    .slice(0, limit)
    .map((r) => hitOf(r, { score: 1, bm25: 0, coverage: 1 }));
}

/** A document's first passage holding a signature ('… ttd.', 'tertanda'), for 'yg ttd siapa' when search missed it. */
export async function signatureIn(db: Queryable, document: string): Promise<SearchHit | null> {
  const [row] = await db.query<PassageRow>(`${PASSAGES} WHERE d.path = $1 AND c.text ~* '\\m(ttd|tertanda)\\M' ORDER BY c.id LIMIT 1`, [document]);
  return row ? hitOf(row, { score: 0, bm25: 0, coverage: 0 }) : null;
}

/**
 * Passages of the given documents that define the term ('11. Quick Win adalah …' in a regulation's
 * Pasal 1): a long document's definitions may rank below its other passages, yet 'quick win menurut
 * perbup X' asks for that document's own. The first such passage of each document, in the order given.
 */
export async function definitionsIn(db: Queryable, term: string, documents: readonly string[]): Promise<SearchHit[]> {
  const written = term.trim().split(/\s+/);
  if (terms(term).length === 0 || written.length > 4 || documents.length === 0) return [];
  const name = written.map((w) => w.replace(/[^\p{L}\p{N}-]/gu, '')).filter(Boolean).join('\\s+');
  // 'X adalah', 'X (XY) adalah', 'X yang selanjutnya disingkat XY adalah'.
  const pattern = `\\m${name}\\M(\\s*\\([^)]{1,40}\\))?(\\s+yang selanjutnya [^.]{0,60})?\\s*,?\\s+(adalah|merupakan|ialah|yaitu)\\M`;
  const rows = await db.query<PassageRow>(`${PASSAGES} WHERE d.path = ANY($1) AND c.text ~* $2 ORDER BY c.id`, [documents, pattern]);
  return documents.flatMap((doc) => rows.filter((r) => r.path === doc).slice(0, 1)).map((r) => hitOf(r, { score: 1, bm25: 0, coverage: 1 }));
}
