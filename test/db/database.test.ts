import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, migrationsCurrent, openDatabase, toVectorLiteral, CopyRows, type Db } from '../../src/db/index.ts';
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

  it('copies binary rows in: text in any script, nulls, int arrays, bytes and vectors exact', async () => {
    const db = await freshDb('copybin');
    await migrate(db);
    await db.exec('CREATE TABLE copied (id int, note text, tags int[], raw bytea, e vector(3))');
    const a = Float32Array.from([0.123456789, -1e-7, 1 / 3]);
    const rows = new CopyRows(16);
    rows.row(5).int(1).text('Kab. Tanah Bumbu — “tahap” 𝛂').intArray([3, -1, 2 ** 31 - 1]).bytea(Uint8Array.from([0, 255, 7])).vector(a);
    rows.row(5).int(null).text(null).intArray([]).bytea(new Uint8Array(0)).vector(null);
    rows.row(5).int(3).text('').intArray([7]).bytea(Uint8Array.from([1])).vector([2, Number.NaN, -0.5]);
    await db.transaction((tx) => tx.copyFrom('COPY copied (id, note, tags, raw, e) FROM STDIN WITH (FORMAT binary)', rows.finish()));
    const got = await db.query<{ id: number | null; note: string | null; tags: number[]; raw: Uint8Array; e: number[] | null }>(
      'SELECT id, note, tags, raw, e::real[] AS e FROM copied ORDER BY id NULLS LAST',
    );
    expect(got.map((r) => [r.id, r.note, r.tags, Array.from(r.raw), r.e?.map((x) => Math.fround(x)) ?? null])).toEqual([
      [1, 'Kab. Tanah Bumbu — “tahap” 𝛂', [3, -1, 2 ** 31 - 1], [0, 255, 7], Array.from(a)],
      [3, '', [7], [1], [2, 0, -0.5]],
      [null, null, [], [], null],
    ]);
  });

  it('refuses a copied vector of the wrong dimension, writing none of the rows', async () => {
    const db = await freshDb('copydim');
    await migrate(db);
    await db.exec('CREATE TABLE copied (id int, e vector(3))');
    const rows = new CopyRows().row(2).int(1).vector([1, 2, 3]).row(2).int(2).vector([1, 2]);
    await expect(db.transaction((tx) => tx.copyFrom('COPY copied (id, e) FROM STDIN WITH (FORMAT binary)', rows.finish()))).rejects.toThrow(/dimensions/);
    expect(await db.query('SELECT id FROM copied')).toEqual([]);
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
