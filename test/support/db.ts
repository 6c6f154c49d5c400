import { migrate, openDatabase, type Db } from '../../src/db/index.ts';
import { seedRegions } from '../../src/regions/index.ts';
import { recreateDatabase } from './pg-admin.ts';

export type BackendName = 'pglite' | 'postgres';

/** Backends the database suites run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const backends: BackendName[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const workerId = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0';
const cache = new Map<BackendName, Promise<Db>>();

/** A PostgreSQL database of this worker's own on the TEST_DATABASE_URL server, created empty. */
export async function createPostgresDatabase(suffix: string): Promise<string> {
  return recreateDatabase(process.env.TEST_DATABASE_URL!, `t_${workerId}_${suffix}`);
}

async function openFresh(backend: BackendName): Promise<Db> {
  const url = backend === 'pglite' ? 'memory://' : await createPostgresDatabase('main');
  const db = await openDatabase(url);
  await migrate(db);
  await seedRegions(db);
  return db;
}

/**
 * The worker's migrated database for a backend, emptied of everything but the region
 * registry. One instance per worker and backend: a PGlite start takes seconds.
 */
export async function testDb(backend: BackendName = 'pglite'): Promise<Db> {
  let p = cache.get(backend);
  if (!p) {
    p = openFresh(backend);
    cache.set(backend, p);
  }
  const db = await p;
  await resetDb(db);
  return db;
}

export async function resetDb(db: Db): Promise<void> {
  const tables = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', 'regions')`,
  );
  if (tables.length > 0) {
    await db.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  }
  // Tests that ingest type the vector column for their embedder; start each test untyped.
  await db.exec('DROP INDEX IF EXISTS chunks_embedding_idx');
  await db.exec('ALTER TABLE chunks ALTER COLUMN embedding TYPE vector');
  await db.exec('INSERT INTO bm25_stats (id, n, total_len) VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING');
  await db.exec('UPDATE regions SET cohort = NULL, current_stage = NULL WHERE cohort IS NOT NULL OR current_stage IS NOT NULL');
}
