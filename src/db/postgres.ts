import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { registerTypes } from 'pgvector/pg';
import { HNSW_EF_SEARCH, type Db, type Queryable } from './types.ts';

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

const typeParsers = {
  getTypeParser(oid: number, format?: string) {
    if (oid === DATE_OID) return (v: string) => v;
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/**
 * Registers pgvector's parsers (the pgvector package) on a connection, so vector columns read
 * back as number arrays. Before the first migration the type does not exist yet: nothing is
 * registered and the connection is tried again after its next transaction (the migrations').
 */
async function registerVector(client: pg.ClientBase, registered: WeakSet<pg.ClientBase>): Promise<void> {
  if (registered.has(client)) return;
  const { rows } = await client.query<{ found: boolean }>(`SELECT to_regtype('vector') IS NOT NULL AS found`);
  if (!rows[0]?.found) return;
  await registerTypes(client);
  registered.add(client);
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await client.query({ text: sql, values: params as unknown[] });
      return res.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async copyFrom(sql: string, data: Uint8Array) {
      // A pool runs it on one of its clients; a transaction on its own.
      const c = client instanceof pg.Pool ? await client.connect() : client;
      try {
        await pipeline(Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), c.query(copyFromStdin(sql)));
      } finally {
        if (c !== client) (c as pg.PoolClient).release();
      }
    },
  };
}

/**
 * Opens a PostgreSQL pool; fails fast with the driver's error when unreachable. With
 * statementTimeoutMs, every statement on its connections is cancelled by the server after
 * that long (PostgreSQL's statement_timeout), which bounds the answer paths.
 */
export async function openPostgres(url: string, options: { max?: number; statementTimeoutMs?: number } = {}): Promise<Db> {
  const timeout = options.statementTimeoutMs ? ` -c statement_timeout=${Math.round(options.statementTimeoutMs)}` : '';
  const withVector = new WeakSet<pg.ClientBase>();
  const pool = new pg.Pool({
    connectionString: url,
    // Pandu's value shapes for every connection; pgvector's parser is added per connection.
    types: typeParsers,
    onConnect: (client) => registerVector(client, withVector),
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    // Session settings for every pooled connection: HNSW recall, and room for the BM25 aggregate.
    options: `-c hnsw.ef_search=${HNSW_EF_SEARCH} -c work_mem=32MB${timeout}`,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const probe = await pool.connect();
  probe.release();
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    copyFrom: base.copyFrom,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        // Committed: a failed lookup must not report the transaction as failed.
        await registerVector(client, withVector).catch(() => undefined);
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
