/**
 * Ingestion throughput: `npm run bench:ingest`. PDF pages per second and Markdown MB per
 * second (distinct text: TyDi QA passages as sections) through the whole pipeline (parse, chunk, embed offline, write with BM25 postings
 * and the HNSW index), on embedded PGlite and, when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set, on PostgreSQL. Last stdout line: one JSON object.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '../src/db/index.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import { seedRegions } from '../src/regions/index.ts';
import { createHashingEmbedder } from '../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../src/retrieval/index-store.ts';

const logger = createLogger('silent', { pretty: false });
const COPIES = Number(process.env.BENCH_COPIES ?? 8);

function copies(files: string[], n: number): { dir: string; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-bench-ingest-'));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    for (const f of files) {
      const target = join(dir, `${i}-${f.split('/').pop()}`);
      copyFileSync(f, target);
      bytes += statSync(target).size;
    }
  }
  return { dir, bytes };
}

/**
 * Distinct Markdown (copies of the same files would give identical vectors, which no real
 * corpus has): the TyDi QA Indonesian passages, 20 sections per file.
 */
function markdownFromPassages(): { dir: string; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-bench-md-'));
  const passages = readFileSync(new URL('../../shared/bench/tydiqa-id/passages.jsonl', import.meta.url), 'utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
  let bytes = 0;
  for (let f = 0; f * 20 < passages.length; f++) {
    const part = passages.slice(f * 20, f * 20 + 20);
    const text = `# Kumpulan ${f}\n\n${part.map((p) => `## Bagian ${p.id}\n\n${p.text}\n`).join('\n')}`;
    writeFileSync(join(dir, `kumpulan-${f}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

async function run(url: string) {
  const db = await openDatabase(url);
  await migrate(db);
  await seedRegions(db);
  const embedder = createHashingEmbedder();
  await ensureEmbeddings(db, embedder);
  const deps = { db, embedder, logger };
  const pdfs = readdirSync('corpus/masterplan').filter((f) => f.endsWith('.pdf')).map((f) => `corpus/masterplan/${f}`);
  await ingestPaths(deps, [pdfs[0]!]); // warm-up: loads pdf.js once
  const pdf = copies(pdfs, COPIES);
  const p = await ingestPaths(deps, [pdf.dir]);
  const md = markdownFromPassages();
  const m = await ingestPaths(deps, [md.dir]);
  await db.close();
  return {
    backend: db.kind,
    pdf: { files: p.new, pages: p.pages, seconds: Number(p.seconds.toFixed(2)), pages_per_s: Number((p.pages / p.seconds).toFixed(1)) },
    markdown: { files: m.new, mb: Number((md.bytes / 1048576).toFixed(2)), seconds: Number(m.seconds.toFixed(2)), mb_per_s: Number((md.bytes / 1048576 / m.seconds).toFixed(2)) },
  };
}

const out: Record<string, unknown> = { embedded: await run('memory://') };
const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pg) out.postgres = await run(pg);
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
