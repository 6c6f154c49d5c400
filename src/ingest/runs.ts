import type { Db, Queryable } from '../db/index.ts';
import { deleteDocument } from '../retrieval/index.ts';

/** Ingest runs as staff review them (the last run's failures), and removing a document. */

export interface RunCounts {
  readonly new: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly skipped: number;
  readonly chunks: number;
  readonly pages: number;
  readonly seconds: number;
}

export interface IngestRun {
  readonly id: number;
  readonly finishedAt: Date;
  readonly actor: string | null;
  readonly counts: RunCounts;
  readonly failures: readonly { readonly path: string; readonly reason: string }[];
}

/** Runs kept; older ones are dropped when a new one is recorded. */
const KEEP_RUNS = 50;

export async function recordIngestRun(
  db: Queryable,
  summary: RunCounts & { readonly files: readonly { path: string; status: string; reason?: string }[] },
  actor: string | null,
  at: Date = new Date(),
): Promise<void> {
  const counts: RunCounts = {
    new: summary.new,
    changed: summary.changed,
    unchanged: summary.unchanged,
    failed: summary.failed,
    skipped: summary.skipped,
    chunks: summary.chunks,
    pages: summary.pages,
    seconds: Number(summary.seconds.toFixed(2)),
  };
  const failures = summary.files.filter((f) => f.status === 'failed').map((f) => ({ path: f.path, reason: f.reason ?? '' }));
  await db.query('INSERT INTO ingest_runs (finished_at, actor, counts, failures) VALUES ($1, $2, $3::jsonb, $4::jsonb)', [
    at.toISOString(),
    actor,
    JSON.stringify(counts),
    JSON.stringify(failures),
  ]);
  await db.query('DELETE FROM ingest_runs WHERE id NOT IN (SELECT id FROM ingest_runs ORDER BY id DESC LIMIT $1)', [KEEP_RUNS]);
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export async function lastIngestRun(db: Queryable): Promise<IngestRun | null> {
  const [row] = await db.query<IngestRun>(
    'SELECT id, finished_at AS "finishedAt", actor, counts, failures FROM ingest_runs ORDER BY id DESC LIMIT 1',
  );
  return row ? { ...row, counts: json<RunCounts>(row.counts), failures: json<IngestRun['failures']>(row.failures) } : null;
}

/** Removes a document with its chunks, postings and stored bytes, keeping the BM25 statistics exact. */
export async function removeDocument(db: Db, documentId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT n FROM bm25_stats WHERE id = 1 FOR UPDATE');
    await tx.query('DELETE FROM document_files WHERE path = (SELECT path FROM documents WHERE id = $1)', [documentId]);
    await deleteDocument(tx, documentId);
  });
}
