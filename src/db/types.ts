/** Something that runs SQL: the database itself or a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs `COPY … FROM STDIN WITH (FORMAT binary)` with the rows given (see copy.ts). */
  copyFrom(sql: string, data: Uint8Array): Promise<void>;
}

/** The one database interface: embedded PGlite or a PostgreSQL pool, same SQL. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** HNSW candidate list size per search: pgvector's default (40) loses recall with hashed vectors. */
export const HNSW_EF_SEARCH = 200;
