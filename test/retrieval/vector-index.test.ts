import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openDatabase, type Db } from '../../src/db/index.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { indexTextOf, writeDocuments } from '../../src/retrieval/index-store.ts';
import { vectorSearch } from '../../src/retrieval/search.ts';
import { backends, createPostgresDatabase, type BackendName } from '../support/db.ts';

const embedder = createHashingEmbedder(256);

const TEXTS = [
  'Sensor debit air dipasang di tiga pintu air sungai kota.',
  'Layanan perizinan daring dibuka untuk pelaku usaha mikro.',
  'Ruang terbuka hijau ditambah di lima kelurahan padat penduduk.',
  'Aplikasi aduan warga terhubung dengan pusat komando kota.',
];

async function databaseBefore110(backend: BackendName): Promise<Db> {
  const db = await openDatabase(backend === 'pglite' ? 'memory://' : await createPostgresDatabase('vectors'));
  await migrate(db, loadMigrations().filter((m) => m.version < 110));
  return db;
}

describe.each(backends)('vectors of a database from before migration 110 on %s', (backend) => {
  it('keep their search results once the graph is dropped and the vectors are moved into the rows', async () => {
    const db = await databaseBefore110(backend);
    try {
      // As such a database was: typed vectors (stored out of line) and an HNSW graph however small the corpus.
      await db.exec(`ALTER TABLE chunks ALTER COLUMN embedding TYPE vector(${embedder.dim})`);
      const vectors = await embedder.embed(TEXTS.map((t) => indexTextOf('', '', t)));
      await writeDocuments(db, TEXTS.map((text, i) => ({
        doc: { path: `catatan/${i}.md`, title: '', kind: 'lainnya', regionCode: null, contentHash: text, pageCount: null, bytes: text.length },
        chunks: [{ ordinal: 0, heading: '', page: null, text, indexText: indexTextOf('', '', text), embedding: vectors[i]! }],
      })));
      await db.exec('CREATE INDEX chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops)');
      const [query] = await embedder.embed(['debit air sungai']);
      const before = await vectorSearch(db, query!, 4);

      expect(await migrate(db)).toEqual([110]);
      expect(await db.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'chunks_embedding_idx'`)).toEqual([]);
      const after = await vectorSearch(db, query!, 4);
      expect(after.map((r) => r.chunk_id)).toEqual(before.map((r) => r.chunk_id));
      after.forEach((r, i) => expect(r.sim).toBeCloseTo(before[i]!.sim, 6));
      const [top] = await db.query<{ text: string }>('SELECT text FROM chunks WHERE id = $1', [after[0]!.chunk_id]);
      expect(top!.text).toContain('Sensor debit air');
    } finally {
      await db.close();
    }
  });
});
