/**
 * Vector search without and with the HNSW graph: `npm run bench:vector-scan`. What the bound
 * VECTOR_INDEX_MIN_CHUNKS rests on. The bench's Markdown (the TyDi passages, bench/lib/passages-markdown.ts)
 * is ingested once, twice and four times over (BENCH_COPIES, default "1,2,4") with the compiled
 * pipeline, no graph built, into a PGlite folder and, when BENCH_DATABASE_URL or TEST_DATABASE_URL
 * is set, a database of that PostgreSQL server. Then the vectors of the first 60 chunks are asked
 * (top 40, as search asks, warm: one pass first, then two timed): exactly (the vectors in the chunk
 * rows, as shipped), through the graph (built for this), and, for the first size, exactly with the
 * vectors moved out of line (pgvector's default storage, before migration 110). Load average and
 * durability are recorded; every folder and database is removed. Last stdout line: JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../src/db/index.ts';
import { vectorSearch } from '../src/retrieval/search.ts';
import { compiledPipeline } from './lib/compiled.ts';
import { benchDatabase, durability, loadNow, machine, percentile } from './lib/env.ts';
import { writePassagesMarkdown } from './lib/passages-markdown.ts';

const { migrate, openDatabase, ingestPaths, createLogger, seedRegions, createHashingEmbedder, ensureEmbeddings } = await compiledPipeline();

const logger = createLogger('silent', { pretty: false });
const COPIES = (process.env.BENCH_COPIES ?? '1,2,4').split(',').map(Number);
const QUERIES = 60;
const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

/** p50 and p95 in ms of the queries, over two passes after a warm one. */
async function timed(db: Db, queries: readonly Float32Array[]): Promise<{ p50_ms: number; p95_ms: number }> {
  const ms: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const q of queries) {
      const start = performance.now();
      await vectorSearch(db, q, 40);
      if (pass > 0) ms.push(performance.now() - start);
    }
  }
  return { p50_ms: percentile(ms, 0.5), p95_ms: percentile(ms, 0.95) };
}

async function measure(server: string | null, copies: number) {
  const dir = temp('pandu-vscan-md-');
  writePassagesMarkdown(dir, copies);
  const url = server ? await benchDatabase(server, `vscan_${copies}`) : temp('pandu-vscan-pglite-');
  const db = await openDatabase(url);
  try {
    await migrate(db);
    await seedRegions(db);
    const embedder = createHashingEmbedder();
    await ensureEmbeddings(db, embedder);
    const summary = await ingestPaths({ db, embedder, logger }, [dir], { vectorIndexMinChunks: Number.POSITIVE_INFINITY });
    if (db.kind === 'postgres') await db.exec('VACUUM ANALYZE chunks');
    const rows = await db.query<{ e: string }>(`SELECT embedding::text AS e FROM chunks ORDER BY id LIMIT ${QUERIES}`);
    const queries = rows.map((r) => new Float32Array(JSON.parse(r.e) as number[]));
    const load = loadNow();
    const scan = await timed(db, queries);
    const started = performance.now();
    await db.exec('CREATE INDEX chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops)');
    const buildSeconds = Number(((performance.now() - started) / 1000).toFixed(2));
    const graph = await timed(db, queries);
    let outOfLine: { p50_ms: number; p95_ms: number } | undefined;
    if (copies === COPIES[0]) {
      await db.exec('DROP INDEX chunks_embedding_idx');
      await db.exec('ALTER TABLE chunks ALTER COLUMN embedding SET STORAGE EXTERNAL');
      await db.exec('UPDATE chunks SET embedding = (embedding::real[])::vector');
      if (db.kind === 'postgres') await db.exec('VACUUM ANALYZE chunks');
      outOfLine = await timed(db, queries);
    }
    return { chunks: summary.chunks, scan, graph, graph_build_s: buildSeconds, ...(outOfLine ? { scan_out_of_line: outOfLine } : {}), load: [load, loadNow()], durability: await durability(db) };
  } finally {
    await db.close();
    if (server) {
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`).finally(() => admin.end());
    }
  }
}

const result: Record<string, unknown> = { machine: machine() };
try {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
  for (const backend of server ? [null, server] : [null]) {
    const out = [];
    for (const copies of COPIES) out.push(await measure(backend, copies));
    result[backend ? 'postgres' : 'embedded'] = out;
  }
} finally {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
