import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, migrationsCurrent, openDatabase, toVectorLiteral, vectorArrayParam, type Db } from '../../src/db/index.ts';
import { backends, createPostgresDatabase, testDb } from '../support/db.ts';

describe.each(backends)('database on %s', (backend) => {
  const opened: Db[] = [];
  afterAll(async () => {
    for (const db of opened) await db.close();
  });

  async function freshDb(tag: string): Promise<Db> {
    const url = backend === 'pglite' ? 'memory://' : await createPostgresDatabase(tag);
    const db = await openDatabase(url);
    opened.push(db);
    return db;
  }

  it('applies every migration once; a second start applies nothing', async () => {
    const db = await freshDb('idem');
    const first = await migrate(db);
    expect(first).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    expect(await migrationsCurrent(db)).toBe(true);
  });

  it('leaves the database as it was when a migration fails', async () => {
    const db = await freshDb('fail');
    await migrate(db);
    const broken = [
      ...loadMigrations(),
      { version: 900, name: 'good-part', sql: 'CREATE TABLE extra_one (id int)' },
      { version: 901, name: 'bad-part', sql: 'CREATE TABLE extra_two (id int); SELECT * FROM no_such_table' },
    ];
    await expect(migrate(db, broken)).rejects.toThrow(/no_such_table/);
    const tables = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM pg_tables WHERE tablename IN ('extra_one', 'extra_two')`,
    );
    expect(tables[0]!.n).toBe(0);
    const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version >= 900');
    expect(versions).toEqual([]);
  });

  it('stores vectors and finds the nearest by cosine distance through an HNSW index', async () => {
    const db = await testDb(backend);
    await db.exec(`INSERT INTO documents (path, title, kind, content_hash) VALUES ('corpus/a.md', 'A', 'panduan', 'h')`);
    const vectors = [
      [1, 0, 0],
      [0, 1, 0],
      [0.9, 0.1, 0],
      [0, 0, 1],
    ];
    for (const [i, v] of vectors.entries()) {
      await db.query(`INSERT INTO chunks (document_id, ordinal, text, embedding) VALUES (1, $1, $2, $3)`, [
        i,
        `chunk ${i}`,
        toVectorLiteral(v),
      ]);
    }
    await db.exec('ALTER TABLE chunks ALTER COLUMN embedding TYPE vector(3)');
    await db.exec('CREATE INDEX chunks_embedding_test_idx ON chunks USING hnsw (embedding vector_cosine_ops)');
    const rows = await db.query<{ text: string; distance: number }>(
      `SELECT text, embedding <=> $1 AS distance FROM chunks ORDER BY embedding <=> $1 LIMIT 2`,
      [toVectorLiteral([1, 0.05, 0])],
    );
    expect(rows.map((r) => r.text)).toEqual(['chunk 0', 'chunk 2']);
    expect(rows[0]!.distance).toBeLessThan(0.01);
    const idx = await db.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'chunks_embedding_test_idx'`,
    );
    expect(idx[0]!.indexdef).toMatch(/hnsw/);
    await db.exec('DROP INDEX chunks_embedding_test_idx; ALTER TABLE chunks ALTER COLUMN embedding TYPE vector');
  });

  it('stores each vector component at full single precision', async () => {
    const db = await freshDb('vecprec');
    await migrate(db);
    const v = Float32Array.from([0.123456789, -1e-7, 1 / 3, 0]);
    const [row] = await db.query<{ e: number[] }>('SELECT $1::vector::real[] AS e', [toVectorLiteral(v)]);
    expect(row!.e.map((x) => Math.fround(x))).toEqual(Array.from(v));
  });

  it.runIf(backend === 'postgres')('takes a binary array of vectors with nulls, in order, each component exact', async () => {
    const db = await freshDb('vecbin');
    await migrate(db);
    const [{ oid } = { oid: 0 }] = await db.query<{ oid: number }>(`SELECT 'vector'::regtype::oid AS oid`);
    const a = Float32Array.from([0.123456789, -1e-7, 1 / 3]);
    const rows = await db.query<{ e: number[] | null; n: number }>(
      'SELECT e.v::real[] AS e, e.n::int AS n FROM unnest($1::vector[]) WITH ORDINALITY AS e(v, n) ORDER BY e.n',
      [vectorArrayParam([a, null, [2, Number.NaN, -0.5]], Number(oid))],
    );
    expect(rows.map((r) => r.e?.map((x) => Math.fround(x)) ?? null)).toEqual([Array.from(a), null, [2, 0, -0.5]]);
  });

  it.runIf(backend === 'postgres')('reads vector columns back as numbers on every pooled connection', async () => {
    const db = await freshDb('vecread');
    await migrate(db); // the type is created here, after the pool's first connection
    const literal = toVectorLiteral([0.5, -0.25, 2]);
    const reads = await Promise.all([0, 1, 2, 3].map(() => db.query<{ e: unknown }>('SELECT $1::vector AS e, pg_sleep(0.05)', [literal])));
    for (const [row] of reads) expect(row!.e).toEqual([0.5, -0.25, 2]);
  });

  it.runIf(backend === 'postgres')('migrates once when two processes start at the same time', async () => {
    const url = await createPostgresDatabase('race');
    const [a, b] = await Promise.all([openDatabase(url), openDatabase(url)]);
    opened.push(a, b);
    const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
    const all = loadMigrations().map((m) => m.version);
    expect([...ra, ...rb].sort((x, y) => x - y)).toEqual(all);
    const rows = await a.query<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
    expect(rows[0]!.n).toBe(all.length);
  });
});
