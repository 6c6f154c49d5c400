import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Db, Queryable } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { ingestMessages } from '../messages/index.ts';
import { deferVectorIndex, ensureVectorIndex, type Embedder } from '../retrieval/index.ts';
import { createAddressBook, readSourcesFile, SOURCES_FILE } from './addresses.ts';
import { failureReason } from './errors.ts';
import type { RemovedCounts } from './boilerplate.ts';
import { failedOutcome, stepFile, type Step } from './file-step.ts';
import { collect, displayPath } from './files.ts';
import { createGroupWriter, DEFAULT_GROUP, type GroupLimits } from './group-writer.ts';
import type { InstructionFlag } from './instructions.ts';
import { createIsolatedParser, type IsolatedParser, type ParserOptions } from './isolated-parser.ts';
import { SUPPORTED } from './file-checks.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { recordIngestRun, removeDocument } from './runs.ts';

export { PIPELINE_VERSION } from './file-step.ts';

export type FileStatus = 'new' | 'changed' | 'unchanged' | 'failed' | 'skipped';

/** One file's outcome; the snake_case fields are part of `pandu ingest --json`. */
export interface FileOutcome {
  readonly path: string;
  readonly status: FileStatus;
  readonly chunks: number;
  readonly pages: number;
  readonly reason?: string;
  /** Boilerplate lines removed, per kind. */
  readonly removed?: RemovedCounts;
  readonly ocr_pages?: readonly number[];
  /** Scanned pages left unread because OCR is not available. */
  readonly unread_pages?: readonly number[];
  /** Instruction-like passages, kept in the text and listed for staff to review. */
  readonly instructions?: readonly InstructionFlag[];
  readonly published_at?: string | null;
  readonly place?: string | null;
}

export interface IngestSummary {
  new: number;
  changed: number;
  unchanged: number;
  failed: number;
  skipped: number;
  pruned: number;
  chunks: number;
  pages: number;
  /** Boilerplate lines removed over all files. */
  removed: number;
  ocrPages: number;
  instructions: number;
  seconds: number;
  files: FileOutcome[];
}

export interface IngestDeps {
  readonly db: Db;
  readonly embedder: Embedder;
  readonly logger: Logger;
}

export interface IngestOptions {
  readonly force?: boolean;
  readonly prune?: boolean;
  readonly maxBytes?: number;
  /** Memory, time and text limits of the parse worker, and its OCR tools. */
  readonly parser?: ParserOptions;
  /** Called once the file list is known, then after each file. */
  readonly onStart?: (total: number) => void;
  readonly onFile?: (outcome: FileOutcome) => void;
  /** Who ingests ('cli', 'konsol:sari'): recorded with the documents and the run. */
  readonly actor?: string;
  /** New bytes from which the vector index is rebuilt after the run instead of updated per chunk (default LARGE_RUN_BYTES). */
  readonly largeRunBytes?: number;
  /** Chunks from which vector search has an HNSW graph (default VECTOR_INDEX_MIN_CHUNKS). */
  readonly vectorIndexMinChunks?: number;
  /** How many small files share a transaction (default DEFAULT_GROUP; benchmarks compare one per file). */
  readonly group?: GroupLimits;
  /** Public address of the ingested folders (`--base-url`): each file's address is its path below it. */
  readonly baseUrl?: string;
}

export interface FileInput {
  /** The document's path: a corpus path, or 'unggahan/<kind>/<name>' for an upload. */
  readonly path: string;
  readonly data: Uint8Array;
  /** The stored content hash of this path, if any: the same bytes are then skipped. */
  readonly previousHash?: string;
  readonly force?: boolean;
  readonly maxBytes?: number;
  readonly addedBy?: string;
  /** Runs in the document's transaction (an upload stores its original bytes there). */
  readonly alsoInTransaction?: (tx: Queryable) => Promise<void>;
  /** The public address from sources.yaml or --base-url (front matter `url:` wins). */
  readonly url?: string | null;
}

/** A sources.yaml is no document: reported as skipped, or failed when it cannot be read. */
function sourcesOutcome(path: string, abs: string): FileOutcome {
  try {
    readSourcesFile(abs);
    return { path, status: 'skipped', chunks: 0, pages: 0, reason: ingestMessages.sourcesMap };
  } catch (err) {
    return { path, status: 'failed', chunks: 0, pages: 0, reason: failureReason(err) };
  }
}

async function prune(db: Db, roots: readonly string[], seen: Set<string>): Promise<number> {
  const prefixes = roots.map((r) => displayPath(resolve(r)));
  // Uploaded documents have no file on disk: their bytes are in the database.
  const docs = await db.query<{ id: number; path: string }>(
    'SELECT id, path FROM documents WHERE NOT EXISTS (SELECT 1 FROM document_files f WHERE f.path = documents.path)',
  );
  let pruned = 0;
  for (const d of docs) {
    const under = prefixes.some((p) => d.path === p || d.path.startsWith(`${p}/`) || p === '');
    if (under && !seen.has(d.path) && !existsSync(resolve(d.path))) {
      await removeDocument(db, d.id);
      pruned++;
    }
  }
  return pruned;
}

/** New text at least this large, and at least half of what is stored, is a large run: the vector index is rebuilt after it. */
export const LARGE_RUN_BYTES = 2 * 1024 * 1024;

async function isLargeRun(db: Db, files: readonly string[], sizes: readonly number[], known: Map<string, string>, options: IngestOptions): Promise<boolean> {
  const [stored] = await db.query<{ bytes: number }>('SELECT COALESCE(sum(bytes), 0)::float8 AS bytes FROM documents');
  let pending = 0;
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  files.forEach((f, i) => {
    if (!SUPPORTED.has(extname(f).toLowerCase()) || (!options.force && known.has(displayPath(f)))) return;
    // A file over the size limit is refused, not written: it does not make a run large.
    if (sizes[i]! <= maxBytes) pending += sizes[i]!;
  });
  return pending >= (options.largeRunBytes ?? LARGE_RUN_BYTES) && pending >= (stored?.bytes ?? 0) / 2;
}

/**
 * How far the parse worker may run ahead of the writes: files, and bytes of those files. Four
 * groups of files: while one group's transaction runs and the next waits gathered, the worker
 * keeps preparing two more (with two, it sat idle through PGlite's longer transactions, which
 * hold the thread its answers arrive on).
 */
const AHEAD_FILES = 4 * DEFAULT_GROUP.documents;
const AHEAD_BYTES = 32 * 1024 * 1024;

/** A calendar reads what earlier files wrote: it is prepared only after they are. */
const isCalendar = (abs: string) => /\.ya?ml$/i.test(abs);

/** Reads one file from disk and prepares it; skipped and unreadable files become their outcome. */
function stepPath(deps: IngestDeps, parser: IsolatedParser, file: RootedFile, known: Map<string, string>, options: IngestOptions, addresses: ReturnType<typeof createAddressBook>): Promise<Step> {
  const { abs, root } = file;
  const path = displayPath(abs);
  if (basename(abs) === SOURCES_FILE) return Promise.resolve({ outcome: sourcesOutcome(path, abs) });
  if (!SUPPORTED.has(extname(abs).toLowerCase())) {
    return Promise.resolve({ outcome: { path, status: 'skipped', chunks: 0, pages: 0, reason: ingestMessages.reason('unsupported', extname(abs) || undefined) } });
  }
  let data: Uint8Array;
  try {
    data = readFileSync(abs);
  } catch (err) {
    return Promise.resolve({ outcome: failedOutcome(path, (err as Error).message) });
  }
  const url = addresses.addressOf(abs, root);
  return stepFile(deps, parser, { path, data, previousHash: known.get(path), force: options.force, maxBytes: options.maxBytes, addedBy: options.actor, url });
}

/** A file found under one of the roots given (its address below --base-url is its path under that root). */
interface RootedFile {
  readonly abs: string;
  readonly root: string;
}

/** What one run reads its files with and writes them to. */
interface Run {
  readonly deps: IngestDeps;
  readonly parser: IsolatedParser;
  readonly writer: ReturnType<typeof createGroupWriter<FileOutcome>>;
  readonly files: readonly RootedFile[];
  readonly sizes: readonly number[];
  readonly known: Map<string, string>;
  readonly options: IngestOptions;
  readonly addresses: ReturnType<typeof createAddressBook>;
}

/**
 * Prepares the files in order and hands them to the writer. The worker prepares files
 * ahead of the writes, up to a window of files and bytes, but never past a calendar: it
 * reads what the files before it wrote. However the loop ends, the transaction under way
 * ends before this returns.
 */
async function writeAll(run: Run): Promise<void> {
  const { files, sizes, writer } = run;
  const steps: Array<Promise<Step> | undefined> = [];
  let next = 0;
  let inFlight = 0;
  const startAhead = (i: number) => {
    while (next < files.length && next - i < AHEAD_FILES && (next === i || (inFlight + sizes[next]! <= AHEAD_BYTES && !isCalendar(files[next]!.abs)))) {
      inFlight += sizes[next]!;
      steps[next] = stepPath(run.deps, run.parser, files[next]!, run.known, run.options, run.addresses);
      next++;
    }
  };
  try {
    for (let i = 0; i < files.length; i++) {
      if (next === i && isCalendar(files[i]!.abs)) await writer.flush();
      startAhead(i);
      const s = await steps[i]!;
      steps[i] = undefined;
      inFlight -= sizes[i]!;
      if ('ready' in s) await writer.add(s.ready);
      else writer.note(s.outcome);
    }
    await writer.flush();
  } finally {
    await writer.settled();
  }
}

/**
 * Ingests files and folders: unchanged files (same content hash) are skipped, a
 * changed file replaces its document atomically, a bad file is reported with its
 * reason and the rest still ingested. Untrusted files are parsed in a worker process,
 * which also chunks, counts terms and embeds offline, ahead of the writes (AHEAD_FILES);
 * small files share a transaction, written while the next group is prepared (see
 * group-writer.ts); a large run rebuilds the vector index once at its end instead of
 * updating it per chunk.
 */
export async function ingestPaths(deps: IngestDeps, roots: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const log = deps.logger.child({ module: 'ingest' });
  const files: RootedFile[] = roots.flatMap((r) => collect(r).map((abs) => ({ abs, root: resolve(r) })));
  const addresses = createAddressBook(options.baseUrl);
  options.onStart?.(files.length);
  const summary: IngestSummary = { new: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0, pruned: 0, chunks: 0, pages: 0, removed: 0, ocrPages: 0, instructions: 0, seconds: 0, files: [] };
  const record = (o: FileOutcome) => {
    summary[o.status]++;
    summary.chunks += o.chunks;
    summary.pages += o.pages;
    summary.removed += Object.values(o.removed ?? {}).reduce((a, b) => a + b, 0);
    summary.ocrPages += o.ocr_pages?.length ?? 0;
    summary.instructions += o.instructions?.length ?? 0;
    summary.files.push(o);
    options.onFile?.(o);
  };
  const parser = createIsolatedParser(options.parser);
  let large = false;
  try {
    // The worker starts (a few hundred ms) while the stored documents are read and the files measured.
    if (files.some((f) => SUPPORTED.has(extname(f.abs).toLowerCase()) && !isCalendar(f.abs))) parser.start();
    const known = new Map(
      (await deps.db.query<{ path: string; content_hash: string }>('SELECT path, content_hash FROM documents')).map((r) => [r.path, r.content_hash]),
    );
    // Each file's size, read once: what makes a run large, and how far the worker may read ahead.
    const sizes = files.map((f) => statSync(f.abs, { throwIfNoEntry: false })?.size ?? 0);
    large = await isLargeRun(deps.db, files.map((f) => f.abs), sizes, known, options);
    const writer = createGroupWriter(deps.db, log, record, options.group);
    await deferVectorIndex(deps.db, large, () => writeAll({ deps, parser, writer, files, sizes, known, options, addresses }), options.vectorIndexMinChunks);
    // A corpus the run brought to the size that has a vector graph gets it now; a check that fails (the
    // database closing under a stopping server) leaves it to the next start or run.
    await ensureVectorIndex(deps.db, options.vectorIndexMinChunks).catch((err: unknown) => log.warn({ err }, 'vector index not built'));
  } finally {
    parser.close();
  }

  if (options.prune) summary.pruned = await prune(deps.db, roots, new Set(summary.files.map((f) => f.path)));
  summary.seconds = (performance.now() - started) / 1000;
  await recordIngestRun(deps.db, summary, options.actor ?? null).catch((err: unknown) => log.warn({ err }, 'ingest run not recorded'));
  log.info(
    { new: summary.new, changed: summary.changed, unchanged: summary.unchanged, failed: summary.failed, chunks: summary.chunks, removed: summary.removed, ocrPages: summary.ocrPages, seconds: Number(summary.seconds.toFixed(2)), largeRun: large },
    'ingest finished',
  );
  return summary;
}

/**
 * One file's bytes through the same pipeline as ingestPaths (checks, parse worker,
 * chunking, atomic write): uploads and re-ingests. Never throws; a failure is the outcome.
 */
export async function ingestFile(deps: IngestDeps, file: FileInput, parserOptions?: ParserOptions): Promise<FileOutcome> {
  const parser = createIsolatedParser(parserOptions);
  try {
    const s = await stepFile(deps, parser, file);
    if (!('ready' in s)) return s.outcome;
    let outcome: FileOutcome = s.ready.outcome;
    const writer = createGroupWriter<FileOutcome>(deps.db, deps.logger.child({ module: 'ingest' }), (o) => (outcome = o));
    await writer.add(s.ready);
    await writer.flush();
    // An upload may bring the corpus to the size that has a vector graph.
    await ensureVectorIndex(deps.db).catch((err: unknown) => deps.logger.warn({ err }, 'vector index not built'));
    return outcome;
  } finally {
    parser.close();
  }
}
