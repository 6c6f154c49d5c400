/**
 * Ingestion throughput: `npm run bench:ingest`. Markdown MB per second (distinct text:
 * the TyDi QA passages as sections, 20 per file) and PDF pages per second through the
 * whole pipeline (parse, chunk, embed offline, write with BM25 postings and the HNSW
 * index), on embedded PGlite (a database folder on disk) and, when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set, on a fresh PostgreSQL database of that server.
 *
 * The compiled code (dist/, built first when src/ changed) is what is measured: it is what
 * `npm start` and `pandu ingest` run; each load starts its own parse worker, as a run does.
 * Each load runs twice on a fresh database, in one process: `per_file` (one transaction
 * per file, HNSW index updated per chunk: the behaviour before grouped writes) and
 * `shipped` (grouped small files, vector index rebuilt after a large run); the ratio is
 * of the same texts in the same run. Load average and durability are recorded with each
 * figure; every temporary folder and database is removed at the end. BENCH_SKIP=embedded
 * or BENCH_SKIP=postgres leaves a backend out. Last stdout line: JSON.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../src/db/index.ts';
import type { IngestOptions } from '../src/ingest/index.ts';
import { compiledPipeline } from './lib/compiled.ts';
import { benchDatabase, durability, loadNow, machine } from './lib/env.ts';
import { writePassagesMarkdown } from './lib/passages-markdown.ts';

const { migrate, openDatabase, ingestPaths, createLogger, seedRegions, createHashingEmbedder, ensureEmbeddings } = await compiledPipeline();

const logger = createLogger('silent', { pretty: false });
const COPIES = Number(process.env.BENCH_COPIES ?? 8);
const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

function pdfCopies(n: number): string {
  const files = readdirSync('corpus/masterplan').filter((f) => f.endsWith('.pdf')).map((f) => `corpus/masterplan/${f}`);
  const dir = temp('pandu-bench-pdf-');
  for (let i = 0; i < n; i++) for (const f of files) copyFileSync(f, join(dir, `${i}-${f.split('/').pop()}`));
  return dir;
}

/** The passages as Markdown files in a temporary folder. */
function markdownFromPassages(): { dir: string; bytes: number } {
  const dir = temp('pandu-bench-md-');
  return { dir, bytes: writePassagesMarkdown(dir) };
}

const MODES: Record<string, IngestOptions> = {
  per_file: { group: { documents: 1, chunks: 1, waitMs: 0 }, largeRunBytes: Number.POSITIVE_INFINITY },
  shipped: {},
};

async function freshDb(server: string | null, suffix: string): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = server ? await benchDatabase(server, suffix) : temp('pandu-bench-pglite-');
  const db = await openDatabase(url);
  await migrate(db);
  await seedRegions(db);
  await ensureEmbeddings(db, createHashingEmbedder());
  const drop = async () => {
    await db.close();
    if (!server) return;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`).finally(() => admin.end());
  };
  return { db, drop };
}

async function load(server: string | null, mode: string, dir: string) {
  const { db, drop } = await freshDb(server, `ingest_${mode}`);
  try {
    const deps = { db, embedder: createHashingEmbedder(), logger };
    const loadBefore = loadNow();
    const s = await ingestPaths(deps, [dir], MODES[mode]);
    return { summary: s, load: [loadBefore, loadNow()], durability: await durability(db) };
  } finally {
    await drop();
  }
}

async function run(server: string | null) {
  const md = markdownFromPassages();
  const pdfDir = pdfCopies(COPIES);
  const out: Record<string, unknown> = {};
  for (const mode of Object.keys(MODES)) {
    const m = await load(server, mode, md.dir);
    const p = await load(server, mode, pdfDir);
    out[mode] = {
      markdown: { files: m.summary.new, chunks: m.summary.chunks, mb: Number((md.bytes / 2 ** 20).toFixed(2)), seconds: Number(m.summary.seconds.toFixed(2)), mb_per_s: Number((md.bytes / 2 ** 20 / m.summary.seconds).toFixed(2)), load: m.load },
      pdf: { files: p.summary.new, pages: p.summary.pages, seconds: Number(p.summary.seconds.toFixed(2)), pages_per_s: Number((p.summary.pages / p.summary.seconds).toFixed(1)), load: p.load },
      durability: m.durability,
    };
  }
  const ratio = (k: 'markdown' | 'pdf') => {
    const f = (x: unknown) => (x as Record<string, { seconds: number }>)[k]!.seconds;
    return Number((f(out.per_file) / f(out.shipped)).toFixed(2));
  };
  out.speedup = { markdown: ratio('markdown'), pdf: ratio('pdf') };
  return out;
}

const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const result: Record<string, unknown> = { machine: machine() };
try {
  if (!skip.has('embedded')) result.embedded = await run(null);
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (server && !skip.has('postgres')) result.postgres = await run(server);
} finally {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
