/**
 * Search latency and ranking identity: `npm run bench:search`.
 *
 * 1. Latency at 100k synthetic chunks (bench/lib/synthetic.ts) on PostgreSQL
 *    (BENCH_DATABASE_URL or TEST_DATABASE_URL; the database `<its name>_search` is created
 *    for it), 200 TyDi questions, single client, each question through every system in
 *    turn so that load changes hit all of them alike:
 *      - `search`: the shipped hybrid search (BM25 + vectors + fusion), k 5;
 *      - `bm25`: the shipped BM25 step alone (40 candidates, as search takes them): the
 *        posting blocks of the query terms read and summed in memory, every posting;
 *      - `bm25_rows_sql`: the baseline, main's exhaustive BM25 before migration 080: one row
 *        per posting (a copy kept in the bench database) summed by SQL GROUP BY;
 *      - `fts5`: SQLite FTS5 (better-sqlite3, in memory, unicode61) on the same texts, the
 *        question's words OR-ed, top 40 by bm25(): a peer engine, not Pandu.
 *    The shipped BM25 top 40 must equal the baseline's top 40 for every question.
 * 2. Ranking identity on TyDi QA (825 questions, 4,650 passages) and the own set (236
 *    questions over corpus/): the shipped scorer against main's SQL GROUP BY over posting
 *    rows copied from the blocks (test/support/bm25-reference.ts), top 40 compared (PGlite in memory).
 * BENCH_SKIP=latency,identity skips parts; BENCH_REUSE=1 keeps an already built 100k database.
 * Last stdout line: one JSON object.
 */
import Database from 'better-sqlite3';
import { migrate, openDatabase, type Db } from '../src/db/index.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import { seedRegions } from '../src/regions/index.ts';
import { createHashingEmbedder } from '../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../src/retrieval/index-store.ts';
import { analyzeQuery, emphasizeNames } from '../src/retrieval/query.ts';
import { bm25Search, DEFAULT_WEIGHTS, search } from '../src/retrieval/search.ts';
import { buildRowPostings, rowsScorer } from '../test/support/bm25-reference.ts';
import { readQaSet } from '../src/evaluation/index.ts';
import { benchDatabase, durability, loadNow, machine, percentile } from './lib/env.ts';
import { freshDb } from './lib/db.ts';
import { loadSynthetic, syntheticTexts } from './lib/synthetic.ts';
import { indexPassages, readJsonl, type TydiQuestion } from './lib/tydi.ts';

const say = (s: string) => process.stderr.write(`${s}\n`);
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const embedder = createHashingEmbedder();
const CANDIDATES = 40;

const termsOf = (q: string) => emphasizeNames(q, analyzeQuery(q), DEFAULT_WEIGHTS.names);

async function pandu100k(server: string, n: number): Promise<{ db: Db; texts: string[]; buildSeconds: number | null }> {
  if (process.env.BENCH_REUSE === '1') {
    const url = new URL(server);
    url.pathname = `${url.pathname}_search`;
    const db = await openDatabase(url.toString());
    await migrate(db);
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM chunks').catch(() => [{ n: 0 }]);
    if (row?.n === n) return { db, texts: [...syntheticTexts(n)], buildSeconds: null };
    await db.close();
  }
  const db = await freshDb(await benchDatabase(server, 'search'));
  await ensureEmbeddings(db, embedder);
  const t0 = performance.now();
  const texts = await loadSynthetic(db, embedder, n);
  return { db, texts, buildSeconds: Number(((performance.now() - t0) / 1000).toFixed(1)) };
}

function fts5Peer(texts: readonly string[]) {
  const sqlite = new Database(':memory:');
  sqlite.exec(`CREATE VIRTUAL TABLE f USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')`);
  const insert = sqlite.prepare('INSERT INTO f (rowid, body) VALUES (?, ?)');
  sqlite.transaction(() => texts.forEach((t, i) => insert.run(i + 1, t)))();
  const match = sqlite.prepare(`SELECT rowid FROM f WHERE f MATCH ? ORDER BY rank LIMIT ${CANDIDATES}`);
  return (question: string) => {
    const words = [...new Set(question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
    return words.length ? match.all(words.map((w) => `"${w}"`).join(' OR ')) : [];
  };
}

async function latency(server: string) {
  const n = Number(process.env.BENCH_CHUNKS ?? 100_000);
  const { db, texts, buildSeconds } = await pandu100k(server, n);
  say(`latency: ${n} chunks ready${buildSeconds === null ? ' (reused)' : ` in ${buildSeconds} s`}`);
  // The baseline's rows, built once (BENCH_REUSE keeps them with the database).
  const [built] = await db.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'bench_row_postings_chunk_idx'`);
  if (!built || buildSeconds !== null) await buildRowPostings(db);
  const fts5 = fts5Peer(texts);
  const questions = readJsonl<TydiQuestion>('questions.jsonl').slice(0, 200).map((q) => q.question);
  const systems: Record<string, (q: string) => Promise<unknown>> = {
    search: (q) => search({ db, embedder }, q, { k: 5 }),
    bm25: (q) => bm25Search(db, termsOf(q), CANDIDATES),
    bm25_rows_sql: (q) => bm25Search(db, termsOf(q), CANDIDATES, DEFAULT_WEIGHTS, rowsScorer),
    fts5: async (q) => fts5(q),
  };
  for (const q of questions) for (const run of Object.values(systems)) await run(q); // warm-up
  const loadBefore = loadNow();
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(systems).map((s) => [s, []]));
  for (const q of questions) {
    for (const [name, run] of Object.entries(systems)) {
      const t = performance.now();
      await run(q);
      times[name]!.push(performance.now() - t);
    }
  }
  const loadAfter = loadNow();
  let differing = 0;
  for (const q of questions) {
    const a = await bm25Search(db, termsOf(q), CANDIDATES);
    const b = await bm25Search(db, termsOf(q), CANDIDATES, DEFAULT_WEIGHTS, rowsScorer);
    if (a.rows.map((r) => r.chunk_id).join() !== b.rows.map((r) => r.chunk_id).join()) differing++;
  }
  const slowest = questions
    .map((q, i) => ({ q, search_ms: Number(times.search![i]!.toFixed(1)), bm25_ms: Number(times.bm25![i]!.toFixed(1)), bm25_rows_sql_ms: Number(times.bm25_rows_sql![i]!.toFixed(1)) }))
    .sort((a, b) => b.bm25_rows_sql_ms - a.bm25_rows_sql_ms)
    .slice(0, 5);
  const summary = Object.fromEntries(
    Object.entries(times).map(([name, xs]) => [name, { p50_ms: percentile(xs, 0.5), p95_ms: percentile(xs, 0.95), p99_ms: percentile(xs, 0.99) }]),
  );
  const result = { chunks: n, build_seconds: buildSeconds, db: await durability(db), load_before: loadBefore, load_after: loadAfter, ...summary, top40_differing_from_rows_sql: differing, slowest_rows_sql: slowest };
  await db.close();
  return result;
}

/** Questions whose shipped BM25 top 40 differs from the SQL reference's. */
async function differences(db: Db, questions: readonly string[]): Promise<string[]> {
  await buildRowPostings(db);
  const out: string[] = [];
  for (const q of questions) {
    const shipped = await bm25Search(db, termsOf(q), CANDIDATES);
    const exact = await bm25Search(db, termsOf(q), CANDIDATES, DEFAULT_WEIGHTS, rowsScorer);
    if (shipped.rows.map((r) => r.chunk_id).join() !== exact.rows.map((r) => r.chunk_id).join()) out.push(q);
  }
  return out;
}

async function identity() {
  const tydiDb = await freshDb();
  await ensureEmbeddings(tydiDb, embedder);
  await indexPassages(tydiDb, embedder);
  const tydi = await differences(tydiDb, readJsonl<TydiQuestion>('questions.jsonl').map((q) => q.question));
  await tydiDb.close();
  const ownDb = await openDatabase('memory://');
  await migrate(ownDb);
  await seedRegions(ownDb);
  await ensureEmbeddings(ownDb, embedder);
  await ingestPaths({ db: ownDb, embedder, logger: createLogger('silent', { pretty: false }) }, ['corpus']);
  const own = await differences(ownDb, readQaSet('corpus/eval/qa.jsonl').map((q) => q.question));
  await ownDb.close();
  for (const q of [...tydi, ...own]) say(`identity: differs: ${q}`);
  return { tydi_questions: 825, tydi_differing: tydi.length, own_questions: 236, own_differing: own.length };
}

const out: Record<string, unknown> = { machine: machine() };
const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!skip.has('latency')) {
  if (server) out.postgres_100k = await latency(server);
  else say('latency: set BENCH_DATABASE_URL (postgres://…) for the 100k-chunk PostgreSQL figures');
}
if (!skip.has('identity')) out.identity = await identity();
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
