/**
 * Where one ingest run's time goes: `node --import tsx bench/ingest-profile.ts [DIR]`.
 * The bench's Markdown (the TyDi passages as 233 files, as bench/ingest.ts writes them) or
 * the files under DIR go through the compiled pipeline once, into a fresh PGlite folder
 * (PROFILE_BACKEND=pglite, the default) or a fresh database on the PostgreSQL server of
 * BENCH_DATABASE_URL / TEST_DATABASE_URL (PROFILE_BACKEND=postgres). Every statement is
 * timed by a wrapper around the database (client-side: the round trip, the server's work
 * and, in PGlite, its thread), summed per statement; each transaction's span is listed, so
 * the gaps between them (the writer waiting for the parse worker) show. Load average is
 * recorded; everything it creates is removed. Last stdout line: JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db, Queryable } from '../src/db/index.ts';
import { compiledPipeline } from './lib/compiled.ts';
import { benchDatabase, loadNow, machine } from './lib/env.ts';
import { writePassagesMarkdown } from './lib/passages-markdown.ts';

const { migrate, openDatabase, ingestPaths, createLogger, seedRegions, createHashingEmbedder, ensureEmbeddings } = await compiledPipeline();

const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

function benchMarkdown(): string {
  const dir = temp('pandu-profile-md-');
  writePassagesMarkdown(dir);
  return dir;
}

/** Statement time by its first words, and the spans of the transactions. */
const spent = new Map<string, number>();
const spans: Array<[number, number]> = [];
/** Seconds since the run started (set just before it). */
let t0 = 0;
const now = () => (performance.now() - t0) / 1000;

async function timed<T>(sql: string, run: () => Promise<T>): Promise<T> {
  const key = sql.replace(/\s+/g, ' ').trim().slice(0, 48);
  const start = performance.now();
  try {
    return await run();
  } finally {
    spent.set(key, (spent.get(key) ?? 0) + performance.now() - start);
  }
}

const wrap = (q: Queryable): Queryable => ({
  query: (sql, params) => timed(sql, () => q.query(sql, params)),
  exec: (sql) => timed(sql, () => q.exec(sql)),
  copyFrom: (sql, data) => timed(sql, () => q.copyFrom(sql, data)),
});

const backend = process.env.PROFILE_BACKEND ?? 'pglite';
const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (backend === 'postgres' && !server) throw new Error('PROFILE_BACKEND=postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
const url = backend === 'postgres' ? await benchDatabase(server!, 'profile') : temp('pandu-profile-pglite-');
const base = await openDatabase(url);
try {
  await migrate(base);
  await seedRegions(base);
  await ensureEmbeddings(base, createHashingEmbedder());
  const db: Db = {
    ...wrap(base),
    kind: base.kind,
    close: () => base.close(),
    transaction: async (fn) => {
      const start = now();
      try {
        return await base.transaction((tx) => fn(wrap(tx)));
      } finally {
        spans.push([start, now()]);
      }
    },
  };
  const loadBefore = loadNow();
  const cpu = process.cpuUsage();
  t0 = performance.now();
  const summary = await ingestPaths({ db, embedder: createHashingEmbedder(), logger: createLogger('silent', { pretty: false }) }, [process.argv[2] ?? benchMarkdown()]);
  const used = process.cpuUsage(cpu);
  const statements = Object.fromEntries([...spent].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, ms]) => [k, Number((ms / 1000).toFixed(2))]));
  process.stdout.write(`${JSON.stringify({
    machine: machine(),
    backend: base.kind,
    load: [loadBefore, loadNow()],
    seconds: Number(summary.seconds.toFixed(2)),
    files: summary.new + summary.changed,
    chunks: summary.chunks,
    pages: summary.pages,
    main_process_cpu_s: Number(((used.user + used.system) / 1e6).toFixed(2)),
    transactions: spans.map(([a, b]) => `${a.toFixed(2)}-${b.toFixed(2)}`),
    statements_s: statements,
  })}\n`);
} finally {
  await base.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  if (backend === 'postgres') {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`).finally(() => admin.end());
  }
}
process.exit(0);
