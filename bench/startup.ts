/**
 * `npm run bench:startup`: wall time and peak memory of the compiled CLI (dist/) for the
 * commands an operator waits on: `--help`, a one-shot `pandu ask` on PostgreSQL and on an
 * existing embedded folder, the same question forwarded to a running `pandu start`, and a
 * first `pandu start` on a new folder (/healthz, /readyz, peak and steady RSS). `node -e 0`
 * is measured in the same rounds as the floor every figure stands on.
 *
 *   npm run bench:startup -- [--runs 3] [--before <git ref>] [--pg <url>] [--embedded <folder>]
 *
 * --before builds that commit in a temporary copy (sharing node_modules) and runs it
 * alternately with this checkout. --pg is a PostgreSQL database with the corpus ingested;
 * without it one is made on BENCH_DATABASE_URL / TEST_DATABASE_URL's server (skipped when
 * neither is set). --embedded is an ingested PGlite folder, copied (never written); without
 * it one is made with `pandu ingest corpus`. Needs /usr/bin/time (Debian package `time`).
 * Every temporary folder is removed at the end.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDatabase, loadNow, machine } from './lib/env.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const QUESTION = 'Kapan batas waktu penyerahan masterplan?';
const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, before: { type: 'string' }, pg: { type: 'string' }, embedded: { type: 'string' } },
});
const RUNS = Number(args.runs);
const work = mkdtempSync(join(tmpdir(), 'pandu-bench-startup-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

interface System {
  readonly name: string;
  readonly root: string;
}
interface Sample {
  readonly s: number;
  /** CPU seconds (user + system): less sensitive than wall time to a busy machine. */
  readonly cpu: number;
  readonly mb: number;
  readonly load: number;
}

const env = (extra: Record<string, string>) => ({ PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...extra });
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Runs a command under /usr/bin/time: wall and CPU seconds, peak RSS in MB. */
function timed(command: string[], cwd: string, extra: Record<string, string> = {}): Sample {
  const out = join(work, 'time.txt');
  const load = loadNow()[0]!;
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', out, ...command], { cwd, env: env(extra), stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${command.join(' ')} failed (${r.status}): ${r.stderr.toString().slice(-500)}`);
  const [s, user, system, kb] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { s: s!, cpu: round2(user! + system!), mb: Math.round(kb! / 1024), load };
}

const pandu = (system: System, ...argv: string[]) => [process.execPath, join(system.root, 'dist/cli/main.js'), ...argv];

/** A copy of this repository at `ref`, sharing node_modules, for before/after runs. */
function checkout(ref: string): System {
  const root = join(work, 'before');
  mkdirSync(root);
  const r = spawnSync('sh', ['-c', `git -C "${ROOT}" archive "${ref}" | tar -x -C "${root}"`], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`cannot check out ${ref}`);
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return { name: `before (${ref})`, root };
}

function build(system: System): void {
  const r = spawnSync(process.execPath, [join(system.root, 'scripts/build.mjs'), '--if-needed'], { cwd: system.root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`build of ${system.name} failed`);
}

/** The corpus ingested into a database (PostgreSQL URL or new folder) by this checkout's CLI. */
function ingestCorpus(system: System, url: string): void {
  const r = spawnSync(process.execPath, [join(system.root, 'dist/cli/main.js'), 'ingest', 'corpus', '--json'], { cwd: ROOT, env: env({ DATABASE_URL: url }), stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`ingest into ${url} failed`);
}

async function postgresDatabase(system: System): Promise<string | null> {
  if (args.pg) return args.pg;
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) return null;
  const url = await benchDatabase(server, 'startup');
  ingestCorpus(system, url);
  return url;
}

function embeddedFolder(system: System): string {
  const dir = join(work, 'embedded');
  if (args.embedded) cpSync(args.embedded, dir, { recursive: true });
  else ingestCorpus(system, dir);
  rmSync(join(dir, 'pandu-owner.json'), { force: true });
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return 0;
  }
}

/** VmHWM (peak) and VmRSS of a process, in MB. */
function memory(pid: number): { peak: number; rss: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  return { peak: Math.round(kb('VmHWM') / 1024), rss: Math.round(kb('VmRSS') / 1024) };
}

/** A loopback port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * `pandu start` on a folder, polled every 100 ms from launch: seconds to /healthz and to
 * /readyz; peak and resident memory 2 s after /readyz. `during` runs while it is ready.
 */
async function server(system: System, dir: string, during: (port: number) => void = () => {}) {
  const port = await freePort();
  const load = loadNow()[0]!;
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(system.root, 'dist/cli/main.js'), 'start'], { cwd: system.root, env: env({ DATABASE_URL: dir, PORT: String(port), HOST: '127.0.0.1' }), stdio: 'pipe' });
  let output = '';
  const keep = (d: Buffer) => void (output = (output + d.toString()).slice(-2_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((r) => child.once('exit', r));
  let healthz: number | null = null;
  let readyz: number | null = null;
  try {
    for (let i = 0; i < 3_000 && readyz === null && child.exitCode === null; i++) {
      const now = (performance.now() - t0) / 1000;
      if (healthz === null && (await status(`http://127.0.0.1:${port}/healthz`)) === 200) healthz = now;
      if ((await status(`http://127.0.0.1:${port}/readyz`)) === 200) readyz = now;
      else await sleep(100);
    }
    if (readyz === null) throw new Error(`${system.name}: pandu start never became ready (exit ${child.exitCode}): ${output}`);
    await sleep(2_000);
    const mem = memory(child.pid!);
    during(port);
    return { healthz_s: round2(healthz ?? readyz), readyz_s: round2(readyz), peak_mb: mem.peak, steady_mb: mem.rss, load };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

type Row = Record<string, Sample[]>;

/** One round of the one-shot commands on every system, alternating. */
function oneShotRound(systems: readonly System[], rows: Map<string, Row>, pg: string | null, embedded: string): void {
  const add = (system: System, key: string, sample: Sample) => {
    const row = rows.get(system.name) ?? {};
    (row[key] ??= []).push(sample);
    rows.set(system.name, row);
  };
  for (const system of systems) {
    add(system, 'node -e 0', timed([process.execPath, '-e', '0'], ROOT));
    add(system, 'pandu --help', timed(pandu(system, '--help'), ROOT));
    if (pg) add(system, 'ask on PostgreSQL', timed(pandu(system, 'ask', QUESTION), ROOT, { DATABASE_URL: pg }));
    add(system, 'ask on embedded folder', timed(pandu(system, 'ask', QUESTION), ROOT, { DATABASE_URL: embedded }));
  }
}

const median = (xs: readonly number[]) => round2([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

function summary(samples: readonly Sample[]) {
  const s = samples.map((x) => x.s);
  return {
    s: s.map(round2),
    median_s: median(s),
    median_cpu_s: median(samples.map((x) => x.cpu)),
    peak_mb: [Math.min(...samples.map((x) => x.mb)), Math.max(...samples.map((x) => x.mb))],
    load: [Math.min(...samples.map((x) => x.load)), Math.max(...samples.map((x) => x.load))],
  };
}

async function main(): Promise<void> {
  const after: System = { name: 'this checkout', root: ROOT };
  const systems = args.before ? [checkout(args.before), after] : [after];
  systems.forEach(build);
  const pg = await postgresDatabase(after);
  const embedded = embeddedFolder(after);
  const rows = new Map<string, Row>();
  const forwarded = new Map<string, Sample[]>();
  const firstStarts = new Map<string, Awaited<ReturnType<typeof server>>[]>();
  for (let run = 0; run < RUNS; run++) {
    oneShotRound(run % 2 ? [...systems].reverse() : systems, rows, pg, embedded);
    for (const system of run % 2 ? [...systems].reverse() : systems) {
      // Forwarded: the same question to a running start on a copy of the embedded folder.
      const copy = join(work, `running-${run}`);
      cpSync(embedded, copy, { recursive: true });
      await server(system, copy, () => {
        const samples = forwarded.get(system.name) ?? [];
        for (let i = 0; i < 3; i++) samples.push(timed(pandu(system, 'ask', QUESTION), ROOT, { DATABASE_URL: copy }));
        forwarded.set(system.name, samples);
      });
      rmSync(copy, { recursive: true, force: true });
      const fresh = join(work, `first-${run}`);
      firstStarts.set(system.name, [...(firstStarts.get(system.name) ?? []), await server(system, fresh)]);
      rmSync(fresh, { recursive: true, force: true });
    }
  }
  const result = Object.fromEntries(
    systems.map((s) => [
      s.name,
      {
        ...Object.fromEntries(Object.entries(rows.get(s.name) ?? {}).map(([k, v]) => [k, summary(v)])),
        'ask forwarded to pandu start': summary(forwarded.get(s.name) ?? []),
        'first pandu start': firstStarts.get(s.name),
      },
    ]),
  );
  console.log(JSON.stringify({ bench: 'startup', machine: machine(), runs: RUNS, question: QUESTION, postgres: pg !== null, results: result }, null, 1));
}

await main();
