import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Queryable } from '../db/index.ts';
import { ingestMessages } from '../messages/index.ts';
import { SUPPORTED } from './file-checks.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { ingestFile, type FileOutcome, type IngestDeps } from './pipeline.ts';
import { recordIngestRun } from './runs.ts';

/** Documents as staff manage them: the list, uploads kept in the database, re-ingest. */

export interface DocumentRow {
  readonly id: number;
  readonly path: string;
  readonly title: string;
  readonly kind: string;
  readonly regionCode: string | null;
  readonly regionName: string | null;
  readonly pageCount: number | null;
  readonly bytes: number;
  readonly chunks: number;
  /** The document's public address (front matter `url:`), if it has one. */
  readonly url: string | null;
  readonly addedBy: string | null;
  readonly ingestedAt: Date;
  /** True when the original bytes are stored in the database (an upload). */
  readonly uploaded: boolean;
}

const DOC_SQL = `SELECT d.id, d.path, d.title, d.kind, d.region_code AS "regionCode", r.name AS "regionName",
  d.page_count AS "pageCount", d.bytes::int AS bytes, (SELECT count(*)::int FROM chunks c WHERE c.document_id = d.id) AS chunks,
  d.url, d.added_by AS "addedBy", d.ingested_at AS "ingestedAt", EXISTS (SELECT 1 FROM document_files f WHERE f.path = d.path) AS uploaded
  FROM documents d LEFT JOIN regions r ON r.code = d.region_code`;

export async function listDocuments(db: Queryable): Promise<DocumentRow[]> {
  return db.query<DocumentRow>(`${DOC_SQL} ORDER BY d.kind, d.path`);
}

export async function documentById(db: Queryable, id: number): Promise<DocumentRow | null> {
  return (await db.query<DocumentRow>(`${DOC_SQL} WHERE d.id = $1`, [id]))[0] ?? null;
}

/** Kinds an upload may be filed under (the folder names the pipeline reads the kind from). */
export const UPLOAD_KINDS = ['panduan', 'faq', 'masterplan', 'lainnya'] as const;
/** Extensions an upload may have (calendars and checklists are changed through the corpus). */
export const SUPPORTED_UPLOADS: ReadonlySet<string> = new Set([...SUPPORTED].filter((e) => e !== '.yaml' && e !== '.yml'));
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** A file name safe as a path segment: letters, digits, dot, dash and underscore. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^[-.]+/, '');
  return base.slice(-120) || 'berkas';
}

/**
 * An uploaded file through the normal pipeline (same loaders, limits and atomic write),
 * stored as 'unggahan/<kind>/<name>' with its original bytes in the database. The same
 * name replaces the earlier version in one transaction; a failed file changes nothing.
 */
export async function ingestUpload(
  deps: IngestDeps,
  upload: { name: string; kind: UploadKind; data: Uint8Array; by: string; now: Date; maxBytes?: number },
): Promise<FileOutcome> {
  const name = safeFileName(upload.name);
  const path = `unggahan/${upload.kind}/${name}`;
  const maxBytes = upload.maxBytes ?? MAX_FILE_BYTES;
  const unsupported = !SUPPORTED.has(extname(name).toLowerCase());
  const [prev] = await deps.db.query<{ content_hash: string }>('SELECT content_hash FROM documents WHERE path = $1', [path]);
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  const outcome: FileOutcome = unsupported
    ? { path, status: 'failed', chunks: 0, pages: 0, reason: ingestMessages.reason('unsupported', extname(name) || undefined) }
    : await ingestFile(deps, {
        path,
        data: upload.data,
        previousHash: prev?.content_hash,
        maxBytes,
        addedBy: upload.by,
        alsoInTransaction: async (tx) => {
          await tx.query(
            `INSERT INTO document_files (path, name, data, sha256, size, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (path) DO UPDATE SET name = EXCLUDED.name, data = EXCLUDED.data, sha256 = EXCLUDED.sha256,
               size = EXCLUDED.size, added_by = EXCLUDED.added_by, added_at = EXCLUDED.added_at`,
            [path, upload.name.slice(0, 300), upload.data, sha256, upload.data.length, upload.by, upload.now.toISOString()],
          );
        },
      });
  await recordIngestRun(deps.db, { ...countsOf(outcome), files: [outcome] }, upload.by, upload.now);
  return outcome;
}

function countsOf(o: FileOutcome) {
  return {
    new: o.status === 'new' ? 1 : 0,
    changed: o.status === 'changed' ? 1 : 0,
    unchanged: o.status === 'unchanged' ? 1 : 0,
    failed: o.status === 'failed' ? 1 : 0,
    skipped: o.status === 'skipped' ? 1 : 0,
    chunks: o.chunks,
    pages: o.pages,
    seconds: 0,
  };
}

/**
 * Ingests a document again from its source (stored bytes for an upload, the file on disk
 * for a corpus document), even when unchanged. Null when the source is gone.
 */
export async function reingestDocument(deps: IngestDeps, id: number, o: { by: string; now: Date }): Promise<FileOutcome | null> {
  const [doc] = await deps.db.query<{ path: string; content_hash: string; data: Uint8Array | null }>(
    `SELECT d.path, d.content_hash, f.data FROM documents d LEFT JOIN document_files f ON f.path = d.path WHERE d.id = $1`,
    [id],
  );
  if (!doc) return null;
  let data: Uint8Array | null = doc.data;
  if (!data) {
    const abs = resolve(doc.path);
    if (!existsSync(abs)) return null;
    data = readFileSync(abs);
  }
  const outcome = await ingestFile(deps, { path: doc.path, data, previousHash: doc.content_hash, force: true, addedBy: o.by });
  await recordIngestRun(deps.db, { ...countsOf(outcome), files: [outcome] }, o.by, o.now);
  return outcome;
}
