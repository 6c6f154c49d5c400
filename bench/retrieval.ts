/**
 * Retrieval benchmark: `npm run bench:retrieval`. Prints progress on stderr and, as the
 * last line on stdout, one JSON object with every figure:
 *   {"tydiqa": {"bm25", "vector", "langchain", "shipped", "refusal"}, "answerLevel": {"tydi": {"shipped", "first300", "bestSentence"}},
 *    "own": {...}, "real": {"dev", "test", "ingest"}, "fresh": {"dev", "ingest"}, "blind": {"dev", "ingest"}, "latency": {...}}
 * BENCH_SKIP (comma-separated: own, real, fresh, blind, latency, …) leaves parts out.
 * TyDi QA GoldP Indonesian (Apache-2.0) via IDK-MRC (CC BY-SA 4.0): ../shared/bench/tydiqa-id.
 */
import { createLogger } from '../src/log.ts';
import { createHashingEmbedder, type Embedder } from '../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../src/retrieval/index-store.ts';
import { loadSynthetic } from './lib/synthetic.ts';
import { search } from '../src/retrieval/search.ts';
import { createAnswerService } from '../src/answer/service.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { evaluate, readQaSet } from '../src/evaluation/index.ts';
import { freshDb } from './lib/db.ts';
import { evaluateDialogues } from './lib/dialogues.ts';
import { runReal, SETS } from './lib/real.ts';
import { indexPassages, rankMetrics, readJsonl, type TydiQuestion } from './lib/tydi.ts';
import { machine, percentile } from './lib/env.ts';
import { figures, refusalRate, runAnswers, type GoldQuestion } from './lib/answer-level.ts';

const logger = createLogger('warn', { pretty: false });
const say = (s: string) => process.stderr.write(`${s}\n`);
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));

/** Answer-level figures on TyDi QA, set by tydi(): `answerLevel.tydi.<system>.{hit,p50Chars,p90Chars}`. */
let answerLevel: Record<string, unknown> | null = null;

async function tydi(embedder: Embedder) {
  const db = await freshDb();
  await ensureEmbeddings(db, embedder);
  const t0 = performance.now();
  await indexPassages(db, embedder);
  say(`tydi: indexed passages in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const questions = readJsonl<TydiQuestion>('questions.jsonl');
  const gold = questions.map((q) => q.passage_id);
  const id = (doc: string) => doc.slice('tydi/'.length);
  const run = async (mode: 'bm25' | 'vector' | 'hybrid') => {
    const ranked: string[][] = [];
    for (const q of questions) ranked.push((await search({ db, embedder }, q.question, { k: 10, mode })).map((h) => id(h.document)));
    return rankMetrics(ranked, gold);
  };
  // The LangChain peer: its own PGVectorStore on PostgreSQL, same passages, same embedder.
  const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let langchain: Record<string, unknown> = { skipped: 'set BENCH_DATABASE_URL (postgres://…) for the LangChain PGVectorStore row' };
  if (pg) {
    const { langchainRanking } = await import('./lib/langchain.ts');
    const passages = readJsonl<{ id: string; text: string }>('passages.jsonl');
    const lc = await langchainRanking(pg, embedder, passages, questions.map((q) => q.question));
    say(`tydi: LangChain PGVectorStore indexed ${passages.length} passages in ${lc.index_s} s`);
    const { ranked, ...run } = lc;
    langchain = { ...rankMetrics(ranked, gold), ...run };
  } else say(`tydi: ${String(langchain.skipped)}`);
  const result: Record<string, unknown> = {
    bm25: await run('bm25'),
    vector: await run('vector'),
    langchain,
    shipped: await run('hybrid'),
  };
  // Answers as shown (offline composer) and refusals, through the shipped answer service.
  const answers = createAnswerService({ db, embedder, logger });
  const shown = await runAnswers({ db, embedder, answers }, readJsonl<GoldQuestion>('questions.jsonl'));
  answerLevel = { shipped: figures(shown.shipped), first300: figures(shown.first300), bestSentence: figures(shown.bestSentence) };
  const unans = readJsonl<TydiQuestion & { kind: string }>('unanswerable.jsonl');
  const human = unans.filter((u) => u.kind === 'human');
  result.refusal = {
    unanswerable_human: await refusalRate(answers, human),
    unanswerable_all: await refusalRate(answers, unans),
    false_refusal: Number((shown.shipped.filter((a) => a.refused).length / shown.shipped.length).toFixed(3)),
  };
  await db.close();
  return result;
}

async function own(embedder: Embedder) {
  const db = await freshDb();
  await ensureEmbeddings(db, embedder);
  await ingestPaths({ db, embedder, logger }, ['corpus']);
  const answers = createAnswerService({ db, embedder, logger });
  const report = await evaluate({ db, embedder, answers }, readQaSet('corpus/eval/qa.jsonl'));
  const { misses: _dialogueMisses, ...dialogues } = await evaluateDialogues({ db, embedder, answers }, 'corpus/eval/dialogues.jsonl');
  await db.close();
  const { misses, ...figures } = report;
  say(`own: ${misses.length} misses`);
  for (const m of misses) say(`  ${m.id} ${m.why}: ${m.question}`);
  return { ...figures, dialogues };
}

/**
 * The real-shaped set (eval/real): corpus plus its documents, evaluated on each half separately;
 * the fresh set (eval/fresh, dev only) the same way over its pages and the real set's.
 */
async function real(embedder: Embedder, name: keyof typeof SETS = 'real') {
  const run = await runReal(embedder, name === 'real' ? ['dev', 'test'] : ['dev'], logger, undefined, SETS[name]);
  for (const f of run.ingest.failed) say(`${name}: ingest failed ${f.path}: ${f.reason}`);
  const out: Record<string, unknown> = { ingest: { documents: run.ingest.documents, failed: run.ingest.failed.map((f) => f.path) } };
  for (const [split, report] of Object.entries(run.reports)) {
    const { misses, ...figures } = report;
    say(`${name}/${split}: ${misses.length} misses`);
    for (const m of misses) say(`  ${m.id} ${m.why}: ${m.question}`);
    out[split] = figures;
  }
  return out;
}

/** Search latency over n synthetic chunks (bench/lib/synthetic.ts: Zipf-drawn words, fixed seed). */
async function latencyAt(url: string, n: number, embedder: Embedder) {
  const db = await freshDb(url);
  await ensureEmbeddings(db, embedder);
  await loadSynthetic(db, embedder, n);
  const queries = readJsonl<TydiQuestion>('questions.jsonl').slice(0, 200).map((q) => q.question);
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await search({ db, embedder }, q, { k: 5 });
    times.push(performance.now() - t);
  }
  await db.close();
  return { chunks: n, backend: db.kind, p50_ms: percentile(times, 0.5), p95_ms: percentile(times, 0.95) };
}

const embedder = createHashingEmbedder();
const out: Record<string, unknown> = { machine: machine() };
if (!skip.has('tydiqa')) {
  out.tydiqa = await tydi(embedder);
  out.answerLevel = { tydi: answerLevel };
}
if (!skip.has('own')) out.own = await own(embedder);
if (!skip.has('real')) out.real = await real(embedder);
if (!skip.has('fresh')) out.fresh = await real(embedder, 'fresh');
if (!skip.has('blind')) out.blind = await real(embedder, 'blind');
if (!skip.has('blind2')) out.blind2 = await real(embedder, 'blind2');
if (!skip.has('blind3')) out.blind3 = await real(embedder, 'blind3');
if (!skip.has('blind4')) out.blind4 = await real(embedder, 'blind4');
if (!skip.has('blind5')) out.blind5 = await real(embedder, 'blind5');
if (!skip.has('blind6')) out.blind6 = await real(embedder, 'blind6');
if (!skip.has('blind7')) out.blind7 = await real(embedder, 'blind7');
if (!skip.has('latency')) {
  const latency: Record<string, unknown> = { embedded_10k: await latencyAt('memory://', 10_000, embedder) };
  const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pg) latency.postgres_100k = await latencyAt(pg, 100_000, embedder);
  else say('latency: set BENCH_DATABASE_URL (postgres://…) for the 100k-chunk PostgreSQL figure');
  out.latency = latency;
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
