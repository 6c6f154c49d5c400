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

/** The first group is this small, so the database starts writing while the worker prepares the rest. */
const FIRST_GROUP_DOCUMENTS = 8;

type Entry<O> = { ready?: ReadyDoc<O>; outcome?: O };

/**
 * Writes documents in groups, one transaction per group, and reports every file's outcome
 * in the order the files came. A group whose transaction fails is written again one
 * document per transaction, so a bad document fails alone and the others are kept; each
 * document is still all or nothing. One group is written in the background while the
 * caller gathers the next (never two transactions at once); `flush` waits for both.
 */
export function createGroupWriter<O>(db: Db, logger: Logger, report: (outcome: O) => void, limits: GroupLimits = DEFAULT_GROUP) {
  let queue: Array<Entry<O>> = [];
  let docs = 0;
  let chunks = 0;
  let since = 0;
  let groups = 0;
  /** The group being written and reported (busy until its outcomes are); it rejects only when reporting threw. */
  let writing: Promise<void> = Promise.resolve();
  let busy = false;
  /** When the last group was written: a group's wait counts from then, not while it could not be written anyway. */
  let idleSince = 0;

  const writeAlone = async (r: ReadyDoc<O>): Promise<O> => {
    try {
      await writeDocuments(db, [r], r.inTransaction);
      return r.outcome;
    } catch (err) {
      logger.warn({ err, path: r.doc.path }, 'file failed');
      return r.failed(failureReason(err));
    }
  };

  const write = async (entries: ReadonlyArray<Entry<O>>): Promise<void> => {
    busy = true;
    try {
      await writeAndReport(entries);
      // Files with nothing to write that came after this group: their turn has come.
      while (queue[0] && !queue[0].ready) report(queue.shift()!.outcome!);
    } finally {
      busy = false;
      idleSince = performance.now();
    }
  };

  const writeAndReport = async (entries: ReadonlyArray<Entry<O>>): Promise<void> => {
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

  /** Hands the gathered group to the background once the group before it is written. */
  const send = async (): Promise<void> => {
    await writing;
    const entries = queue;
    if (docs > 0) groups++;
    queue = [];
    docs = chunks = 0;
    if (entries.length === 0) return;
    writing = write(entries);
    // Awaited by the next send or flush; a report that threw surfaces there, not as an unhandled rejection.
    writing.catch(() => undefined);
  };

  /**
   * A group is sent when it is full, or when it has waited waitMs while the database had
   * nothing to write: cut earlier, it would only wait for the group before it, and every
   * extra group costs the database statements and posting blocks of its own.
   */
  const full = () => {
    const documents = groups === 0 ? Math.min(limits.documents, FIRST_GROUP_DOCUMENTS) : limits.documents;
    return docs >= documents || chunks >= limits.chunks || (!busy && performance.now() - Math.max(since, idleSince) >= limits.waitMs);
  };

  return {
    /** A file with nothing to write (unchanged, skipped, failed): reported in its turn. */
    note(outcome: O): void {
      if (queue.length === 0 && !busy) report(outcome);
      else queue.push({ outcome });
    },
    async add(ready: ReadyDoc<O>): Promise<void> {
      if (ready.inTransaction) {
        await send();
        queue.push({ ready });
        return send();
      }
      if (docs === 0) since = performance.now();
      queue.push({ ready });
      docs++;
      chunks += ready.chunks.length;
      if (full()) await send();
    },
    /** Writes what is gathered and waits until every outcome so far is reported. */
    async flush(): Promise<void> {
      await send();
      await writing;
    },
    /** Waits for the group in the background, whatever its end: nothing is left half done when a run stops early. */
    settled: (): Promise<void> => writing.catch(() => undefined),
  };
}
