import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Db, Queryable } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { ingestMessages } from '../messages/index.ts';
import { splitFrontMatter } from '../programme/index.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { indexTextOf, writeDocument, type IndexChunk } from '../retrieval/index-store.ts';
import type { DocMeta, LoadedDoc } from './blocks.ts';
import type { RemovedCounts } from './boilerplate.ts';
import { createAddressBook, readSourcesFile, SOURCES_FILE } from './addresses.ts';
import { chunkBlocks } from './chunker.ts';
import { LoadError } from './errors.ts';
import { collect, displayPath, kindOf } from './files.ts';
import { frontMatterMeta } from './front-matter.ts';
import type { InstructionFlag } from './instructions.ts';
import { createIsolatedParser, type IsolatedParser, type ParserOptions } from './isolated-parser.ts';
import { checkFile, decodeText, SUPPORTED, titleFromFileName } from './file-checks.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { prepareCalendar, prepareChecklist } from './special-docs.ts';
import { recordIngestRun, removeDocument } from './runs.ts';

/** Bump when loading or chunking changes: every file is then ingested again. */
export const PIPELINE_VERSION = 'ingest-v4';

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
  /** Public address of the ingested folders (`--base-url`): each file's address is its path below it. */
  readonly baseUrl?: string;
}

async function regionOf(db: Queryable, path: string, kind: string): Promise<string | null> {
  if (kind !== 'masterplan') return null;
  const m = basename(path).match(/(?:^|[-_])(\d{2})\.?(\d{2})(?=[-_.])/);
  if (!m) return null;
  const code = `${m[1]}.${m[2]}`;
  const rows = await db.query('SELECT 1 FROM regions WHERE code = $1', [code]);
  return rows.length > 0 ? code : null;
}

interface Prepared {
  readonly doc: LoadedDoc;
  readonly special: 'kalender' | 'checklist' | null;
  readonly meta: DocMeta;
  readonly instructions: readonly InstructionFlag[];
  readonly inTransaction?: (tx: Queryable) => Promise<void>;
}

/** Checks and parses one file: calendars and checklists here, everything else in the parse worker. */
async function prepare(db: Queryable, parser: IsolatedParser, path: string, data: Uint8Array, maxBytes: number): Promise<Prepared> {
  checkFile(path, data, maxBytes);
  const ext = extname(path).toLowerCase();
  const text = ext === '.pdf' || ext === '.docx' ? null : decodeText(path, data);
  if (ext === '.yaml' || ext === '.yml') return { ...(await prepareCalendar(db, path, text!)), meta: {}, instructions: [] };
  const fm = text !== null && (ext === '.md' || ext === '.markdown') ? splitFrontMatter(text) : null;
  if (fm && /^kind:\s*checklist\s*$/m.test(fm.yaml)) return { ...prepareChecklist(text!, fm.body), meta: {}, instructions: [] };
  const own = fm ? frontMatterMeta(fm.yaml) : {};
  const doc = await parser.parse(path, ext === '.pdf' || ext === '.docx' ? data : new Uint8Array(0), fm ? fm.body : text);
  const found = doc.meta ?? {};
  const meta: DocMeta = { publishedAt: own.publishedAt ?? found.publishedAt ?? null, place: own.place ?? found.place ?? null, url: own.url ?? null };
  return { doc, special: null, meta, instructions: doc.instructions };
}

/** What a stored file reports beyond its chunks: removed lines, OCR, flags, dateline. */
function details(p: Prepared): Partial<FileOutcome> {
  const out: { -readonly [K in keyof FileOutcome]?: FileOutcome[K] } = {};
  if (p.doc.removed && Object.keys(p.doc.removed).length) out.removed = p.doc.removed;
  if (p.doc.ocrPages?.length) out.ocr_pages = p.doc.ocrPages;
  if (p.doc.unreadPages?.length) out.unread_pages = p.doc.unreadPages;
  if (p.instructions.length) out.instructions = p.instructions;
  if (p.meta.publishedAt) out.published_at = p.meta.publishedAt;
  if (p.meta.place) out.place = p.meta.place;
  return out;
}

async function store(deps: IngestDeps, file: FileInput, hash: string, p: Prepared): Promise<number> {
  const { path, data } = file;
  const kind = kindOf(path, p.special);
  const chunks = chunkBlocks(p.doc.blocks);
  const indexTexts = chunks.map((c) => indexTextOf(p.doc.title, c.heading, c.text));
  const vectors = await deps.embedder.embed(indexTexts);
  const rows: IndexChunk[] = chunks.map((c, i) => ({ ...c, indexText: indexTexts[i]!, embedding: vectors[i] ?? null }));
  await writeDocument(
    deps.db,
    {
      path,
      title: p.doc.title || titleFromFileName(path),
      kind,
      regionCode: await regionOf(deps.db, path, kind),
      contentHash: hash,
      pageCount: p.doc.pageCount,
      bytes: data.length,
      publishedAt: p.meta.publishedAt ?? null,
      place: p.meta.place ?? null,
      url: p.meta.url ?? file.url ?? null,
      addedBy: file.addedBy ?? null,
    },
    rows,
    async (tx) => {
      await p.inTransaction?.(tx);
      await file.alsoInTransaction?.(tx);
    },
  );
  return rows.length;
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

/**
 * Ingests files and folders: unchanged files (same content hash) are skipped, a
 * changed file replaces its document atomically, a bad file is reported with its
 * reason and the rest still ingested. Untrusted files are parsed in a worker process.
 */
export async function ingestPaths(deps: IngestDeps, roots: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const log = deps.logger.child({ module: 'ingest' });
  const files = roots.flatMap((r) => collect(r).map((abs) => ({ abs, root: resolve(r) })));
  const addresses = createAddressBook(options.baseUrl);
  options.onStart?.(files.length);
  const known = new Map(
    (await deps.db.query<{ path: string; content_hash: string }>('SELECT path, content_hash FROM documents')).map((r) => [r.path, r.content_hash]),
  );
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
  const failed = (path: string, reason: string): FileOutcome => ({ path, status: 'failed', chunks: 0, pages: 0, reason });

  const parser = createIsolatedParser(options.parser);
  try {
    for (const { abs, root } of files) {
      const path = displayPath(abs);
      if (basename(abs) === SOURCES_FILE) {
        record(sourcesOutcome(path, abs));
        continue;
      }
      if (!SUPPORTED.has(extname(abs).toLowerCase())) {
        record({ path, status: 'skipped', chunks: 0, pages: 0, reason: ingestMessages.reason('unsupported', extname(abs) || undefined) });
        continue;
      }
      let data: Uint8Array;
      try {
        data = readFileSync(abs);
      } catch (err) {
        record(failed(path, (err as Error).message));
        continue;
      }
      const url = addresses.addressOf(abs, root);
      record(await ingestOne(deps, parser, { path, data, previousHash: known.get(path), force: options.force, maxBytes: options.maxBytes, addedBy: options.actor, url }));
    }
  } finally {
    parser.close();
  }

  if (options.prune) summary.pruned = await prune(deps.db, roots, new Set(summary.files.map((f) => f.path)));
  summary.seconds = (performance.now() - started) / 1000;
  await recordIngestRun(deps.db, summary, options.actor ?? null).catch((err: unknown) => log.warn({ err }, 'ingest run not recorded'));
  log.info(
    { new: summary.new, changed: summary.changed, unchanged: summary.unchanged, failed: summary.failed, chunks: summary.chunks, removed: summary.removed, ocrPages: summary.ocrPages, seconds: Number(summary.seconds.toFixed(2)) },
    'ingest finished',
  );
  return summary;
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
    return { path, status: 'failed', chunks: 0, pages: 0, reason: (err as Error).message };
  }
}

/** One file through the pipeline with a parse worker of the caller's; never throws. */
async function ingestOne(deps: IngestDeps, parser: IsolatedParser, file: FileInput): Promise<FileOutcome> {
  const { path, data } = file;
  const hash = createHash('sha256').update(PIPELINE_VERSION).update(data).digest('hex');
  if (file.previousHash === hash && !file.force) {
    // An address given since (sources.yaml, --base-url) reaches an unchanged document too.
    if (file.url) await deps.db.query('UPDATE documents SET url = $2 WHERE path = $1 AND url IS NULL', [path, file.url]);
    return { path, status: 'unchanged', chunks: 0, pages: 0 };
  }
  try {
    const prepared = await prepare(deps.db, parser, path, data, file.maxBytes ?? MAX_FILE_BYTES);
    const chunks = await store(deps, file, hash, prepared);
    return { path, status: file.previousHash ? 'changed' : 'new', chunks, pages: prepared.doc.pageCount ?? 0, ...details(prepared) };
  } catch (err) {
    if (err instanceof LoadError) return { path, status: 'failed', chunks: 0, pages: 0, reason: ingestMessages.reason(err.reason, err.detail) };
    deps.logger.child({ module: 'ingest' }).warn({ err, path }, 'file failed');
    return { path, status: 'failed', chunks: 0, pages: 0, reason: (err as Error).message };
  }
}

/**
 * One file's bytes through the same pipeline as ingestPaths (checks, parse worker,
 * chunking, atomic write): uploads and re-ingests. Never throws; a failure is the outcome.
 */
export async function ingestFile(deps: IngestDeps, file: FileInput, parserOptions?: ParserOptions): Promise<FileOutcome> {
  const parser = createIsolatedParser(parserOptions);
  try {
    return await ingestOne(deps, parser, file);
  } finally {
    parser.close();
  }
}
