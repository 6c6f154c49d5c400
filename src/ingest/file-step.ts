import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Queryable } from '../db/index.ts';
import { splitFrontMatter } from '../programme/index.ts';
import type { IndexChunk } from '../retrieval/index.ts';
import type { DocMeta, LoadedDoc } from './blocks.ts';
import { PanduError } from '../errors.ts';
import { failureReason } from './errors.ts';
import { checkFile, decodeText, titleFromFileName } from './file-checks.ts';
import { kindOf } from './files.ts';
import { frontMatterMeta } from './front-matter.ts';
import type { ReadyDoc } from './group-writer.ts';
import { indexChunks } from './index-chunks.ts';
import type { InstructionFlag } from './instructions.ts';
import type { IsolatedParser } from './isolated-parser.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import type { FileInput, FileOutcome, IngestDeps } from './pipeline.ts';
import { prepareCalendar, prepareChecklist } from './special-docs.ts';

/** Bump when loading, chunking or the terms a text is indexed by change: every file is then ingested again. */
export const PIPELINE_VERSION = 'ingest-v22';

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
  /** Chunks the parse worker prepared (term counts; vectors with the offline embedder). */
  readonly chunks?: readonly IndexChunk[];
}

/** Checks and parses one file: calendars and checklists here, everything else in the parse worker. */
async function prepare(deps: IngestDeps, parser: IsolatedParser, path: string, data: Uint8Array, maxBytes: number): Promise<Prepared> {
  checkFile(path, data, maxBytes);
  const ext = extname(path).toLowerCase();
  const text = ext === '.pdf' || ext === '.docx' ? null : decodeText(path, data);
  if (ext === '.yaml' || ext === '.yml') return { ...(await prepareCalendar(deps.db, path, text!)), meta: {}, instructions: [] };
  const fm = text !== null && (ext === '.md' || ext === '.markdown') ? splitFrontMatter(text) : null;
  if (fm && /^kind:\s*checklist\s*$/m.test(fm.yaml)) return { ...prepareChecklist(text!, fm.body), meta: {}, instructions: [] };
  const own = fm ? frontMatterMeta(fm.yaml) : {};
  const hashingDim = deps.embedder.portable?.kind === 'hashing' ? deps.embedder.portable.dim : null;
  const doc = await parser.parse(path, ext === '.pdf' || ext === '.docx' ? data : new Uint8Array(0), fm ? fm.body : text, { hashingDim });
  const found = doc.meta ?? {};
  const meta: DocMeta = { publishedAt: own.publishedAt ?? found.publishedAt ?? null, place: own.place ?? found.place ?? null, url: own.url ?? null };
  return { doc, special: null, meta, instructions: doc.instructions, chunks: doc.chunks };
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

/** Work that must share the document's transaction (calendars, checklists, an upload's bytes); undefined when none. */
function inTransactionOf(p: Prepared, file: FileInput): ((tx: Queryable) => Promise<void>) | undefined {
  const own = p.inTransaction;
  const also = file.alsoInTransaction;
  if (!own && !also) return undefined;
  return async (tx) => {
    await own?.(tx);
    await also?.(tx);
  };
}

/** The document row and its chunks, embedded here unless the worker already did it. */
async function ready(deps: IngestDeps, file: FileInput, hash: string, p: Prepared) {
  const { path, data } = file;
  const kind = kindOf(path, p.special);
  let chunks = p.chunks ?? (await indexChunks(p.doc.title, p.doc.blocks, null));
  if (chunks.some((c) => c.embedding === null)) {
    const vectors = await deps.embedder.embed(chunks.map((c) => c.indexText));
    chunks = chunks.map((c, i) => ({ ...c, embedding: vectors[i] ?? null }));
  }
  const doc = {
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
  };
  return { doc, chunks, inTransaction: inTransactionOf(p, file) };
}

/** A file with nothing to write (unchanged, failed), or one ready to be written. */
export type Step = { readonly outcome: FileOutcome } | { readonly ready: ReadyDoc<FileOutcome> };

export const failedOutcome = (path: string, reason: string): FileOutcome => ({ path, status: 'failed', chunks: 0, pages: 0, reason });

/** Checks and prepares one file (parsed in the worker); never throws: a bad file becomes its outcome. */
export async function stepFile(deps: IngestDeps, parser: IsolatedParser, file: FileInput): Promise<Step> {
  const { path, data } = file;
  const hash = createHash('sha256').update(PIPELINE_VERSION).update(data).digest('hex');
  if (file.previousHash === hash && !file.force) {
    // An address given since (sources.yaml, --base-url) reaches an unchanged document too.
    if (file.url) await deps.db.query('UPDATE documents SET url = $2 WHERE path = $1 AND url IS NULL', [path, file.url]);
    return { outcome: { path, status: 'unchanged', chunks: 0, pages: 0 } };
  }
  try {
    const prepared = await prepare(deps, parser, path, data, file.maxBytes ?? MAX_FILE_BYTES);
    const r = await ready(deps, file, hash, prepared);
    const outcome: FileOutcome = { path, status: file.previousHash ? 'changed' : 'new', chunks: r.chunks.length, pages: prepared.doc.pageCount ?? 0, ...details(prepared) };
    return { ready: { ...r, outcome, failed: (reason) => failedOutcome(path, reason) } };
  } catch (err) {
    if (!PanduError.isInstance(err, 'LOAD_REFUSED')) deps.logger.child({ module: 'ingest' }).warn({ err, path }, 'file failed');
    return { outcome: failedOutcome(path, failureReason(err)) };
  }
}
