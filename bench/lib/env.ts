import { cpus, loadavg, totalmem } from 'node:os';
import { recreateDatabase } from '../../test/support/pg-admin.ts';
import type { Db } from '../../src/db/index.ts';

/** What every figure is recorded with: when, where, how busy the machine was. */
export function machine() {
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    memory_gib: Math.round(totalmem() / 2 ** 30),
    load: loadNow(),
  };
}

/** The 1/5/15-minute load averages, rounded. */
export function loadNow(): number[] {
  return loadavg().map((l) => Number(l.toFixed(2)));
}

/** PostgreSQL's version and the durability settings that decide what a commit costs. */
export async function durability(db: Db): Promise<Record<string, string>> {
  if (db.kind !== 'postgres') return { backend: 'pglite' };
  const out: Record<string, string> = {};
  for (const name of ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers']) {
    const [row] = await db.query<Record<string, string>>(`SHOW ${name}`);
    out[name] = Object.values(row ?? {})[0] ?? '';
  }
  return out;
}

/**
 * Creates (or re-creates) a database for one benchmark on the server of `serverUrl`, named
 * after that URL's own database (`pandu_perf` → `pandu_perf_search`), and returns its URL.
 */
export function benchDatabase(serverUrl: string, suffix: string): Promise<string> {
  return recreateDatabase(serverUrl, suffix);
}

/** Percentile of a sample, in the unit given, two decimals. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2));
}
