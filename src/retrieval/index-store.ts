import type { Db, Queryable } from '../db/index.ts';
import { CopyRows, nextIds, toVectorLiteral } from '../db/index.ts';
import type { Embedder } from './embedder.ts';
import { termCounts } from '../language/index.ts';
import { indexTextOf, type IndexChunk } from './index-text.ts';
import { chunkTermIds, deletePostings, insertPostings, upsertTerms, type TermIds } from './postings.ts';

export { indexTextOf, type IndexChunk } from './index-text.ts';

export interface IndexDocument {
  readonly path: string;
  readonly title: string;
  readonly kind: string;
  readonly regionCode: string | null;
  readonly contentHash: string;
  readonly pageCount: number | null;
  readonly bytes: number;
  /** ISO date of the document's dateline or front matter. */
  readonly publishedAt?: string | null;
  readonly place?: string | null;
  readonly url?: string | null;
  /** Who added this version ('cli', 'konsol:sari'); null when unknown. */
  readonly addedBy?: string | null;
}

/** Removes a document with its chunks and postings, keeping df and N exact. */
export async function deleteDocument(tx: Queryable, documentId: number): Promise<void> {
  await deletePostings(tx, documentId);
  await tx.query(
    `UPDATE bm25_stats SET n = bm25_stats.n - x.cnt, total_len = bm25_stats.total_len - x.len
       FROM (SELECT count(*) AS cnt, COALESCE(sum(length), 0) AS len FROM chunks WHERE document_id = $1) x
      WHERE id = 1`,
    [documentId],
  );
  await tx.query('DELETE FROM documents WHERE id = $1', [documentId]);
}

/**
 * Writes a document and its chunks, replacing an earlier version of the same path, in
 * one transaction: readers see the old or the new document, never half of one. The
 * stats row lock serialises writers, so df and N stay exact with several processes.
 */
export async function writeDocument(
  db: Db,
  doc: IndexDocument,
  chunks: readonly IndexChunk[],
  alsoInTransaction?: (tx: Queryable) => Promise<void>,
): Promise<number> {
  const [id] = await writeDocuments(db, [{ doc, chunks }], alsoInTransaction);
  return id!;
}

/** One chunk as the statements below take it. */
interface FlatChunk {
  readonly documentId: number;
  readonly c: IndexChunk;
  readonly counts: ReadonlyMap<string, number>;
  readonly length: number;
}

const CHUNK_COPY = 'COPY chunks (id, document_id, ordinal, heading, page, text, length, embedding, term_ids) FROM STDIN WITH (FORMAT binary)';

/**
 * Inserts the chunks with the ids of their terms and returns their ids in the order given:
 * ids drawn from the sequence first (ascending, as one INSERT would give them), then every
 * row in one binary COPY (vectors as floats, no text to format or parse).
 */
async function insertChunks(tx: Queryable, flat: readonly FlatChunk[], terms: TermIds): Promise<number[]> {
  const ids = await nextIds(tx, 'chunks', flat.length);
  const copy = new CopyRows(flat.reduce((a, f) => a + 64 + 3 * (f.c.text.length + f.c.heading.length) + 4 * (f.c.embedding?.length ?? 0) + 8 * f.counts.size, 0));
  flat.forEach((f, i) => {
    copy.row(9).int(ids[i]!).int(f.documentId).int(f.c.ordinal).text(f.c.heading).int(f.c.page).text(f.c.text).int(f.length);
    copy.vector(f.c.embedding ?? null).intArray(chunkTermIds(f, terms));
  });
  await tx.copyFrom(CHUNK_COPY, copy.finish());
  return ids;
}

/**
 * Writes several documents in one transaction with a handful of statements, replacing
 * earlier versions of the same paths: readers see all of them old or all new. Chunks may
 * carry their term counts (computed off the main thread); else they are counted here.
 */
export async function writeDocuments(
  db: Db,
  items: ReadonlyArray<{ doc: IndexDocument; chunks: readonly IndexChunk[] }>,
  alsoInTransaction?: (tx: Queryable) => Promise<void>,
): Promise<number[]> {
  // Counted before the transaction opens: no CPU work while rows are locked.
  const counted = items.map(({ chunks }) => chunks.map((c) => c.counts ?? termCounts(c.indexText)));
  return db.transaction(async (tx) => {
    await tx.query('SELECT n FROM bm25_stats WHERE id = 1 FOR UPDATE');
    if (alsoInTransaction) await alsoInTransaction(tx);
    const olds = await tx.query<{ id: number }>('SELECT id FROM documents WHERE path = ANY($1::text[])', [items.map((i) => i.doc.path)]);
    for (const old of olds) await deleteDocument(tx, old.id);
    const docRows = await tx.query<{ id: number; path: string }>(
      `INSERT INTO documents (path, title, kind, region_code, content_hash, page_count, bytes, published_at, place, url, added_by)
       SELECT path, title, kind, region_code, content_hash, page_count, bytes, published_at, place, url, added_by
         FROM json_to_recordset($1::json)
           AS x(path text, title text, kind text, region_code text, content_hash text, page_count int, bytes bigint,
                published_at date, place text, url text, added_by text)
       RETURNING id, path`,
      [JSON.stringify(items.map(({ doc }) => ({
        path: doc.path, title: doc.title, kind: doc.kind, region_code: doc.regionCode,
        content_hash: doc.contentHash, page_count: doc.pageCount, bytes: doc.bytes,
        published_at: doc.publishedAt ?? null, place: doc.place ?? null, url: doc.url ?? null, added_by: doc.addedBy ?? null,
      })))],
    );
    const docId = new Map(docRows.map((r) => [r.path, r.id]));
    const flat: FlatChunk[] = items.flatMap(({ doc, chunks }, d) => chunks.map((c, k) => {
      const counts = counted[d]![k]!;
      let length = 0;
      for (const tf of counts.values()) length += tf;
      return { documentId: docId.get(doc.path)!, c, counts, length };
    }));
    if (flat.length > 0) {
      const terms = await upsertTerms(tx, flat);
      await insertPostings(tx, flat, await insertChunks(tx, flat, terms), terms);
      await tx.query('UPDATE bm25_stats SET n = n + $1, total_len = total_len + $2 WHERE id = 1', [
        flat.length,
        flat.reduce((a, f) => a + f.length, 0),
      ]);
    }
    return items.map(({ doc }) => docId.get(doc.path)!);
  });
}

const VECTOR_INDEX = 'CREATE INDEX IF NOT EXISTS chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops)';

/**
 * Below this many chunks there is no HNSW graph: vector search scans every vector exactly,
 * which stays under 10 ms on PostgreSQL and 20 ms in PGlite (`npm run bench:vector-scan`: 5 and
 * 8 ms at 4,689 chunks, as fast as the graph; 8 and 15 ms at 9,378), and no ingest of a smaller
 * corpus pays for building the graph (1.6 s on PostgreSQL, 4.5 s in PGlite at 4,689).
 */
export const VECTOR_INDEX_MIN_CHUNKS = 10_000;

/**
 * Vectors up to this dimension are stored in the chunk's row (PLAIN), so the exact scan
 * reads no TOAST (with 512-value vectors out of line it took 31 ms instead of 5 at 4,689
 * chunks); larger ones stay out of line (EXTERNAL), where a row never outgrows its page.
 */
const INLINE_VECTOR_DIM = 1536;

const vectorStorage = (dim: number) => (dim <= INLINE_VECTOR_DIM ? 'PLAIN' : 'EXTERNAL');

async function hasVectorIndex(db: Queryable): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'chunks_embedding_idx'`)).length > 0;
}

/**
 * The HNSW graph exists when the corpus reaches minChunks chunks and is dropped when it falls
 * below half of that (so a corpus near the bound does not build and drop it in turn). The
 * count is BM25's N, kept exact with every write: no scan of the chunks after every upload.
 */
export async function ensureVectorIndex(db: Db, minChunks = VECTOR_INDEX_MIN_CHUNKS): Promise<void> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT n FROM bm25_stats WHERE id = 1');
  const exists = await hasVectorIndex(db);
  if (!exists && n >= minChunks) {
    await db.transaction(async (tx) => {
      // The graph is built in memory; pgvector's 64 MB default spills past about 25k vectors.
      if (db.kind === 'postgres') await tx.exec(`SET LOCAL maintenance_work_mem = '512MB'`);
      await tx.exec(VECTOR_INDEX);
    });
  } else if (exists && n < minChunks / 2) await db.exec('DROP INDEX IF EXISTS chunks_embedding_idx');
}

/**
 * Runs a large write, on a corpus that has the HNSW vector graph with the graph dropped, and
 * builds it once afterwards when the corpus is still large enough for one (also when fn fails):
 * building the graph over all vectors at the end costs a fraction of inserting into it
 * chunk by chunk. Meanwhile vector search scans exactly (slower, same answers). On
 * PostgreSQL the written tables are then vacuumed and analysed, so the planner knows the
 * new rows at once.
 */
export async function deferVectorIndex<T>(db: Db, defer: boolean, fn: () => Promise<T>, minChunks = VECTOR_INDEX_MIN_CHUNKS): Promise<T> {
  if (!defer) return fn();
  const graph = await hasVectorIndex(db);
  if (graph) await db.exec('DROP INDEX IF EXISTS chunks_embedding_idx');
  try {
    return await fn();
  } finally {
    if (graph) await ensureVectorIndex(db, minChunks);
    if (db.kind === 'postgres') await db.exec('VACUUM (ANALYZE) chunks, posting_blocks, terms');
  }
}

/**
 * Makes the chunks' vector column match the embedder: on a new model or dimension the
 * old vectors are dropped (never mixed), the column retyped and the HNSW index rebuilt;
 * then every chunk without a vector is embedded. Returns how many were embedded.
 */
export async function ensureEmbeddings(db: Db, embedder: Embedder, onProgress?: (done: number, total: number) => void): Promise<number> {
  const [current] = await db.query<{ value: { id: string; dim: number } }>(`SELECT value FROM settings WHERE key = 'embedder'`);
  if (current?.value.id !== embedder.id) {
    await db.transaction(async (tx) => {
      await tx.exec('DROP INDEX IF EXISTS chunks_embedding_idx');
      await tx.exec('UPDATE chunks SET embedding = NULL WHERE embedding IS NOT NULL');
      await tx.exec(`ALTER TABLE chunks ALTER COLUMN embedding TYPE vector(${embedder.dim})`);
      // A new type brings the type's own storage (out of line): set it again.
      await tx.exec(`ALTER TABLE chunks ALTER COLUMN embedding SET STORAGE ${vectorStorage(embedder.dim)}`);
      await tx.query(
        `INSERT INTO settings (key, value) VALUES ('embedder', $1::jsonb)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [JSON.stringify({ id: embedder.id, dim: embedder.dim })],
      );
    });
  }
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>('SELECT count(*) AS total FROM chunks WHERE embedding IS NULL');
  let done = 0;
  while (done < total) {
    const batch = await db.query<{ id: number; text: string; heading: string; title: string }>(
      `SELECT c.id, c.text, c.heading, d.title FROM chunks c JOIN documents d ON d.id = c.document_id
        WHERE c.embedding IS NULL ORDER BY c.id LIMIT 256`,
    );
    if (batch.length === 0) break;
    const vectors = await embedder.embed(batch.map((c) => indexTextOf(c.title, c.heading, c.text)));
    await db.query(
      `UPDATE chunks c SET embedding = x.e::vector FROM unnest($1::int[], $2::text[]) AS x(id, e) WHERE c.id = x.id`,
      [batch.map((c) => c.id), vectors.map((v) => toVectorLiteral(v))],
    );
    done += batch.length;
    onProgress?.(done, total);
  }
  // The graph for a corpus that reached its size (also one a killed run left without it).
  await ensureVectorIndex(db);
  return done;
}
