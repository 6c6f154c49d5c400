import { mkdirSync } from 'node:fs';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
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
  };
}

/** Opens the embedded database in a folder, or in memory for `memory://`. */
export async function openPglite(location: string): Promise<Db> {
  const options = { extensions: { vector }, parsers };
  let pg: PGlite;
  if (location === 'memory://') {
    pg = new PGlite(options);
  } else {
    mkdirSync(location, { recursive: true });
    pg = new PGlite(location, options);
  }
  await pg.waitReady;
  await pg.exec(`SET hnsw.ef_search = ${HNSW_EF_SEARCH}`);
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
