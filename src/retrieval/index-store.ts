import type { Db, Queryable } from '../db/index.ts';
import { toVectorLiteral } from '../db/index.ts';
import type { Embedder } from './embedder.ts';
import { termCounts } from '../language/index.ts';

/** A chunk as written to the index. `indexText` (title + headings + text) feeds BM25 and vectors. */
export interface IndexChunk {
  readonly ordinal: number;
  readonly heading: string;
  readonly page: number | null;
  readonly text: string;
  readonly indexText: string;
  readonly embedding: Float32Array | null;
}

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
  await tx.query(
    `UPDATE terms t SET df = t.df - x.c
       FROM (SELECT p.term_id, count(*) AS c FROM postings p JOIN chunks c ON c.id = p.chunk_id
              WHERE c.document_id = $1 GROUP BY p.term_id) x
      WHERE t.id = x.term_id`,
    [documentId],
  );
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

/** Writes several documents in one transaction with a handful of statements (bulk loads, benchmarks). */
export async function writeDocuments(
  db: Db,
  items: ReadonlyArray<{ doc: IndexDocument; chunks: readonly IndexChunk[] }>,
  alsoInTransaction?: (tx: Queryable) => Promise<void>,
): Promise<number[]> {
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
    const flat = items.flatMap(({ doc, chunks }) => chunks.map((c) => ({ documentId: docId.get(doc.path)!, c, counts: termCounts(c.indexText) })));
    if (flat.length > 0) {
      const lengths = flat.map((f) => [...f.counts.values()].reduce((a, b) => a + b, 0));
      const ids = await tx.query<{ id: number }>(
        `INSERT INTO chunks (document_id, ordinal, heading, page, text, length, embedding)
         SELECT x.document_id, x.ordinal, x.heading, x.page, x.text, x.length, x.embedding::vector
           FROM json_to_recordset($1::json)
             AS x(i int, document_id int, ordinal int, heading text, page int, text text, length int, embedding text)
          ORDER BY x.i
         RETURNING id`,
        [JSON.stringify(flat.map((f, i) => ({
          i, document_id: f.documentId, ordinal: f.c.ordinal, heading: f.c.heading, page: f.c.page, text: f.c.text,
          length: lengths[i],
          embedding: f.c.embedding ? toVectorLiteral(f.c.embedding) : null,
        })))],
      );
      // RETURNING follows the insertion order of the ordered SELECT; map ids back by ordinal position.
      const chunkIds = await tx.query<{ id: number; document_id: number; ordinal: number }>(
        'SELECT id, document_id, ordinal FROM chunks WHERE id = ANY($1::int[])', [ids.map((r) => r.id)],
      );
      const chunkId = new Map(chunkIds.map((r) => [`${r.document_id}:${r.ordinal}`, r.id]));
      const allTerms = [...new Set(flat.flatMap((f) => [...f.counts.keys()]))];
      await tx.query('INSERT INTO terms (term) SELECT unnest($1::text[]) ON CONFLICT (term) DO NOTHING', [allTerms]);
      const termRows = await tx.query<{ id: number; term: string }>('SELECT id, term FROM terms WHERE term = ANY($1::text[])', [allTerms]);
      const termId = new Map(termRows.map((r) => [r.term, r.id]));
      const pTerm: number[] = [];
      const pChunk: number[] = [];
      const pTf: number[] = [];
      const pDl: number[] = [];
      const df = new Map<number, number>();
      flat.forEach((f, i) => {
        const cid = chunkId.get(`${f.documentId}:${f.c.ordinal}`)!;
        for (const [term, tf] of f.counts) {
          const id = termId.get(term)!;
          pTerm.push(id);
          pChunk.push(cid);
          pTf.push(tf);
          pDl.push(lengths[i]!);
          df.set(id, (df.get(id) ?? 0) + 1);
        }
      });
      await tx.query(
        `INSERT INTO postings (term_id, chunk_id, tf, dl) SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[])`,
        [pTerm, pChunk, pTf, pDl],
      );
      await tx.query(`UPDATE terms t SET df = t.df + x.c FROM unnest($1::int[], $2::int[]) AS x(id, c) WHERE t.id = x.id`, [
        [...df.keys()],
        [...df.values()],
      ]);
      await tx.query('UPDATE bm25_stats SET n = n + $1, total_len = total_len + $2 WHERE id = 1', [
        flat.length,
        lengths.reduce((a, b) => a + b, 0),
      ]);
    }
    return items.map(({ doc }) => docId.get(doc.path)!);
  });
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
      await tx.exec('CREATE INDEX chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops)');
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
  return done;
}

/** The text a chunk is indexed by: its document title and heading path give it context. */
export function indexTextOf(title: string, heading: string, text: string): string {
  return `${title}\n${heading.replaceAll(' > ', '\n')}\n${text}`;
}
