import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { privatizeTree, withPrivateUmask } from './data-dir.ts';
import { HNSW_EF_SEARCH, type Db, type Queryable } from './types.ts';

// Same value shapes as the pg backend: dates as 'YYYY-MM-DD' strings, counts as numbers.
const parsers = {
  [types.DATE]: (v: string) => v,
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
};

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async copyFrom(sql: string, data: Uint8Array) {
      // PGlite reads COPY data from its /dev/blob device.
      await q.query(sql.replace(/\bFROM\s+STDIN\b/i, `FROM '/dev/blob'`), [], { blob: new Blob([data]) });
    },
  };
}

/** The empty database the build prepared (scripts/pglite-template.mjs); absent when running from sources. */
const TEMPLATE = new URL('./pglite-template.tar.gz', import.meta.url);

/** A new database starts from the template when there is one: no initdb (seconds, near a gigabyte of memory). */
function templateFor(location: string): Blob | undefined {
  const isNew = location === 'memory://' || !existsSync(join(location, 'PG_VERSION'));
  if (!isNew || !existsSync(TEMPLATE)) return undefined;
  return new Blob([readFileSync(TEMPLATE)]);
}

/**
 * PostgreSQL's buffer cache inside PGlite. initdb's 128 MB is allocated and cleared in the
 * WebAssembly heap on every open: a third of a one-shot command's open time and 130 MB of
 * memory that never shrinks. Pages outside it are read from the folder through the operating
 * system's file cache, so a smaller cache costs little (bench/startup.ts measures both).
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

/** PGlite's own start parameters, and the settings above. */
const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];

/** Opens the embedded database in a folder, or in memory for `memory://`. */
export async function openPglite(location: string): Promise<Db> {
  const loadDataDir = templateFor(location);
  const options = { extensions: { vector }, parsers, startParams, ...(loadDataDir ? { loadDataDir } : {}) };
  // The folder is prepared (private, usable) by the caller; PGlite's own files are created
  // under a private umask so they are 0600, not world-readable 0666.
  const pg = await withPrivateUmask(async () => {
    const db = location === 'memory://' ? new PGlite(options) : new PGlite(location, options);
    await db.waitReady;
    return db;
  });
  const privatize = () => {
    if (location !== 'memory://') privatizeTree(location);
  };
  privatize();
  await pg.exec(`SET hnsw.ef_search = ${HNSW_EF_SEARCH}`);
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    copyFrom: base.copyFrom,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      await pg.close();
      privatize(); // files PGlite wrote while running (WAL, relation caches)
    },
  };
}
