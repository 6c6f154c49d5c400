import type { Db, Queryable } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { writeDocuments, type IndexChunk, type IndexDocument } from '../retrieval/index.ts';
import { failureReason } from './errors.ts';

/** A document ready to be written, with what to report once it is. */
export interface ReadyDoc<O> {
  readonly doc: IndexDocument;
  readonly chunks: readonly IndexChunk[];
  /** Runs in the document's transaction (calendars, checklists): such a document is written alone. */
  readonly inTransaction?: (tx: Queryable) => Promise<void>;
  readonly outcome: O;
  readonly failed: (reason: string) => O;
}

export interface GroupLimits {
  readonly documents: number;
  readonly chunks: number;
  /** A group waits at most this long for more documents (ms). */
  readonly waitMs: number;
}

/** Small files share a transaction (one commit, one set of statements) up to these limits. */
export const DEFAULT_GROUP: GroupLimits = { documents: 64, chunks: 2_000, waitMs: 1_000 };

/**
 * Writes documents in groups, one transaction per group, and reports every file's outcome
 * in the order the files came. A group whose transaction fails is written again one
 * document per transaction, so a bad document fails alone and the others are kept; each
 * document is still all or nothing.
 */
export function createGroupWriter<O>(db: Db, logger: Logger, report: (outcome: O) => void, limits: GroupLimits = DEFAULT_GROUP) {
  let queue: Array<{ ready?: ReadyDoc<O>; outcome?: O }> = [];
  let docs = 0;
  let chunks = 0;
  let since = 0;

  const writeAlone = async (r: ReadyDoc<O>): Promise<O> => {
    try {
      await writeDocuments(db, [r], r.inTransaction);
      return r.outcome;
    } catch (err) {
      logger.warn({ err, path: r.doc.path }, 'file failed');
      return r.failed(failureReason(err));
    }
  };

  const flush = async (): Promise<void> => {
    const entries = queue;
    queue = [];
    docs = chunks = 0;
    const ready = entries.flatMap((e) => (e.ready ? [e.ready] : []));
    const written = new Map<ReadyDoc<O>, O>();
    if (ready.length === 1) written.set(ready[0]!, await writeAlone(ready[0]!));
    else if (ready.length > 1) {
      try {
        await writeDocuments(db, ready);
        for (const r of ready) written.set(r, r.outcome);
      } catch {
        for (const r of ready) written.set(r, await writeAlone(r));
      }
    }
    for (const e of entries) report(e.ready ? written.get(e.ready)! : e.outcome!);
  };

  return {
    /** A file with nothing to write (unchanged, skipped, failed): reported in its turn. */
    async note(outcome: O): Promise<void> {
      if (queue.length === 0) return report(outcome);
      queue.push({ outcome });
    },
    async add(ready: ReadyDoc<O>): Promise<void> {
      if (ready.inTransaction) {
        await flush();
        queue.push({ ready });
        return flush();
      }
      if (docs === 0) since = performance.now();
      queue.push({ ready });
      docs++;
      chunks += ready.chunks.length;
      if (docs >= limits.documents || chunks >= limits.chunks || performance.now() - since >= limits.waitMs) await flush();
    },
    flush,
  };
}
