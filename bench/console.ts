/**
 * Web console page render times (issue 17) on PostgreSQL: the summary (Ringkasan), the
 * region list (Wilayah, first page and the overdue filter), the question log, and the two
 * chart images, with all 514 regions, ten cohorts, a realistic outbox and 100,000 logged
 * questions. Each page is asked over HTTP by a logged-in client, one request at a time,
 * through Pandu's own HTTP server; `/healthz` on the same server is the floor it is
 * compared with (ratio in the same run).
 *
 * Target: p95 ≤ 100 ms for the summary and the region list. Not a timed test.
 * Run: BENCH_DATABASE_URL=postgres://…/pandu_console_bench npm run bench:console (the database is
 * dropped and created anew; without BENCH_DATABASE_URL, pandu_console_bench on the server of
 * TEST_DATABASE_URL; with neither, the bench says so and skips). Prints one JSON line.
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import pino from 'pino';
import { Registry } from 'prom-client';
import { createAccount, createConsole } from '../src/console/index.ts';
import { migrate, openDatabase, type Db } from '../src/db/index.ts';
import { loadCalendar, parseCalendar } from '../src/programme/index.ts';
import { calendarYaml } from '../test/support/programme.ts';
import { loadRegistry, seedRegions } from '../src/regions/index.ts';
import { createHashingEmbedder } from '../src/retrieval/embedder.ts';
import { createHttpServer } from '../src/server/http.ts';
import { seedQuestions, seedWork } from './lib/console-seed.ts';

const NOW = new Date('2026-03-24T02:00:00Z');
const WARMUP = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const PASSWORD = 'bench-sandi-yang-panjang';

function benchUrl(): URL | null {
  if (process.env.BENCH_DATABASE_URL) return new URL(process.env.BENCH_DATABASE_URL);
  if (!process.env.TEST_DATABASE_URL) return null;
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = '/pandu_console_bench';
  return url;
}

async function freshDatabase(url: URL): Promise<string> {
  const name = url.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return url.toString();
}

/** Ten cohorts like the programme's (2017–2026, 10–50 regions each), nine stages. */
async function seedProgramme(db: Db): Promise<void> {
  const codes = loadRegistry().map((r) => r.code);
  const sizes: [number, number][] = [[2017, 25], [2018, 50], [2019, 25], [2021, 48], [2022, 50], [2023, 50], [2024, 10], [2025, 50], [2026, 50]];
  const stages = ['seleksi', 'nota-kesepahaman', 'pembentukan-tim', 'bimtek-1', 'bimtek-2', 'bimtek-3', 'bimtek-4', 'presentasi', 'monev'];
  let next = 0;
  for (const [year, size] of sizes) {
    const members = codes.slice(next, next + size);
    next += size;
    const done = (i: number) => (year <= 2024 ? stages.length : year === 2025 ? 6 - (i % 3) : 3 - (i % 4 === 0 ? 1 : 0));
    const yaml = calendarYaml({
      cohort: year,
      title: `Kalender angkatan ${year}`,
      regions: members,
      stages: stages.map((id, i) => ({ id, name: `Tahap ${i + 1}: ${id}`, due: `${year + (i >= 6 ? 1 : 0)}-${String(((i * 2 + 2) % 12) + 1).padStart(2, '0')}-28` })),
      completed: members.map((c, i) => ({ region: c, stages: stages.slice(0, done(i)) })),
    });
    await db.transaction((tx) => loadCalendar(tx, parseCalendar(yaml), `corpus/kalender/angkatan-${year}.yaml`));
  }
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
}

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!.toFixed(1));
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

async function login(base: string): Promise<string> {
  const form = await fetch(`${base}/konsol/masuk`);
  const loginCookie = form.headers.getSetCookie()[0]!.split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const res = await fetch(`${base}/konsol/masuk`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, nama: 'bench', sandi: PASSWORD }).toString(),
  });
  return res.headers.getSetCookie().find((c) => c.startsWith('pandu_konsol='))!.split(';')[0]!;
}

/**
 * Wall time per request, and this process's CPU time per request (the console's work plus
 * the client's): on a machine shared with other jobs the second moves far less than the first.
 */
async function measure(url: string, cookie: string): Promise<Stats & { bytes: number; cpuMs: number }> {
  let bytes = 0;
  const once = async () => {
    const t = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    bytes = body.byteLength;
    return performance.now() - t;
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) times.push(await once());
  const cpu = process.cpuUsage(cpu0);
  return { ...stats(times), bytes, cpuMs: Number(((cpu.user + cpu.system) / 1000 / RUNS).toFixed(1)) };
}

async function main(): Promise<void> {
  const started = performance.now();
  const target = benchUrl();
  if (!target) {
    process.stdout.write(`${JSON.stringify({ console: { skipped: 'set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server' } })}\n`);
    return;
  }
  const url = await freshDatabase(target);
  const db = await openDatabase(url);
  await migrate(db);
  await seedRegions(db);
  await seedProgramme(db);
  await seedWork(db, NOW);
  await seedQuestions(db, NOW, 100_000);
  await db.exec('ANALYZE');
  const seeded = (await db.query<{ q: number; o: number; c: number }>(
    'SELECT (SELECT count(*)::int FROM questions) AS q, (SELECT count(*)::int FROM reminder_outbox) AS o, (SELECT count(*)::int FROM chats) AS c',
  ))[0]!;
  const durability = Object.fromEntries(
    await Promise.all(['fsync', 'synchronous_commit', 'full_page_writes'].map(async (k) => [k, (await db.query<Record<string, string>>(`SHOW ${k}`))[0]![k]])),
  );
  await createAccount(db, { name: 'bench', role: 'kelola', password: PASSWORD, by: 'bench', now: NOW });
  const logger = pino({ level: 'silent' });
  const server = createHttpServer({ logger, readiness: async () => ({ ready: true, checks: {} }), metrics: new Registry() });
  const web = await createConsole({ db, logger, embedder: createHashingEmbedder(64), timezone: 'Asia/Jakarta', retentionDays: 180, now: () => NOW });
  server.mount('/konsol', web.handle);
  const { url: base } = await server.listen(0, '127.0.0.1');
  const cookie = await login(base);
  const pages = {
    healthz: '/healthz',
    summary: '/konsol',
    regions: '/konsol/wilayah',
    regionsOverdue: '/konsol/wilayah?terlambat=ya',
    questions: '/konsol/pertanyaan',
    questionsSearch: '/konsol/pertanyaan?cari=tenggat+bimtek',
    chartCompletion: '/konsol/grafik/penyelesaian.svg',
    chartOverdue: '/konsol/grafik/terlambat.svg',
  };
  const results: Record<string, Stats & { bytes: number; cpuMs: number }> = {};
  for (const [name, path] of Object.entries(pages)) results[name] = await measure(`${base}${path}`, cookie);
  await server.close();
  await db.close();
  const floor = results.healthz!.p95;
  const ratio = (k: string) => Number((results[k]!.p95 / floor).toFixed(1));
  const out = {
    console: {
      data: { regions: 514, questions: seeded.q, outbox: seeded.o, chats: seeded.c },
      runs: RUNS,
      p95Ms: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.p95])),
      p50Ms: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.p50])),
      maxMs: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.max])),
      nodeCpuMsPerRequest: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.cpuMs])),
      kbPerPage: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v.bytes / 1024)])),
      ratioToHealthzP95: { summary: ratio('summary'), regions: ratio('regions'), questions: ratio('questions') },
      target: { p95Ms: 100, summaryOk: results.summary!.p95 <= 100, regionsOk: results.regions!.p95 <= 100 },
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavg: loadavg().map((x) => Number(x.toFixed(2))) },
      postgres: durability,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    },
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
