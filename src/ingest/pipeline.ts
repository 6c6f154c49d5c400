import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import type { Db, Queryable } from '../db/index.ts';
import { PanduError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { formatDate, ingestMessages } from '../messages/index.ts';
import { loadCalendar, loadChecklist, parseCalendar, parseChecklist, splitFrontMatter, type Calendar } from '../programme/index.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { deleteDocument, indexTextOf, writeDocument, type IndexChunk } from '../retrieval/index-store.ts';
import type { Block, LoadedDoc } from './blocks.ts';
import { chunkBlocks } from './chunker.ts';
import { LoadError, type LoadReason } from './errors.ts';
import { checkFile, decodeText, loadDocument, MAX_FILE_BYTES, SUPPORTED, titleFromFileName } from './loaders.ts';
import { parseMarkdown } from './markdown.ts';

/** Bump when loading or chunking changes: every file is then ingested again. */
export const PIPELINE_VERSION = 'ingest-v3';

export type FileStatus = 'new' | 'changed' | 'unchanged' | 'failed' | 'skipped';

export interface FileOutcome {
  readonly path: string;
  readonly status: FileStatus;
  readonly chunks: number;
  readonly pages: number;
  readonly reason?: string;
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
  /** Called once the file list is known, then after each file. */
  readonly onStart?: (total: number) => void;
  readonly onFile?: (outcome: FileOutcome) => void;
}

const IGNORE_FILE = '.panduignore';

/** Files below a folder, skipping dot-files and what the folder's .panduignore names. */
function collect(root: string): string[] {
  const abs = resolve(root);
  if (!existsSync(abs)) throw new PanduError('USAGE', { detail: ingestMessages.pathMissing(root) });
  if (statSync(abs).isFile()) return [abs];
  const ignoreFile = join(abs, IGNORE_FILE);
  const ignored = existsSync(ignoreFile)
    ? readFileSync(ignoreFile, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    : [];
  const isIgnored = (rel: string) => ignored.some((p) => (p.endsWith('/') ? `${rel}/`.startsWith(p) : rel === p || basename(rel) === p));
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      const rel = relative(abs, full).split(sep).join('/');
      if (isIgnored(rel)) continue;
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push(full);
    }
  };
  walk(abs);
  return out;
}

function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel.split(sep).join('/');
}

function kindOf(path: string, special: 'kalender' | 'checklist' | null): string {
  if (special) return special;
  const segments = path.toLowerCase().split('/');
  if (/faq|tanya-?jawab/.test(basename(path).toLowerCase())) return 'faq';
  for (const k of ['panduan', 'checklist', 'kalender', 'masterplan']) if (segments.includes(k)) return k;
  return 'lainnya';
}

async function regionOf(db: Queryable, path: string, kind: string): Promise<string | null> {
  if (kind !== 'masterplan') return null;
  const m = basename(path).match(/(?:^|[-_])(\d{2})\.?(\d{2})(?=[-_.])/);
  if (!m) return null;
  const code = `${m[1]}.${m[2]}`;
  const rows = await db.query('SELECT 1 FROM regions WHERE code = $1', [code]);
  return rows.length > 0 ? code : null;
}

async function calendarBlocks(db: Queryable, cal: Calendar): Promise<Block[]> {
  const names = new Map(
    (await db.query<{ code: string; name: string }>('SELECT code, name FROM regions WHERE code = ANY($1::text[])', [
      cal.regions.map((r) => r.code),
    ])).map((r) => [r.code, r.name]),
  );
  const stageName = new Map(cal.stages.map((s) => [s.id, s.name]));
  const blocks: Block[] = [];
  const add = (headings: string[], text: string, kind: Block['kind'] = 'para') => blocks.push({ text, headings, page: null, kind });
  const top = [cal.title];
  if (cal.note) add(top, cal.note);
  add([...top, ingestMessages.calendarRegionsHeading], ingestMessages.calendarRegions(cal.cohort, cal.regions.map((r) => `${names.get(r.code) ?? r.name ?? r.code} (${r.code})`).join(', ')));
  for (const s of cal.stages) {
    const h = [...top, ingestMessages.calendarStageHeading, s.name];
    add(h, ingestMessages.calendarStage({ cohort: cal.cohort, name: s.name, id: s.id, description: s.description, due: formatDate(s.due), start: s.start && formatDate(s.start) }));
    for (const e of s.events ?? []) add(h, ingestMessages.calendarEvent(formatDate(e.date), e.title), 'list');
  }
  for (const o of cal.overrides ?? []) {
    add([...top, ingestMessages.calendarOverridesHeading], ingestMessages.calendarOverride({ regionName: names.get(o.region) ?? o.region, stageName: stageName.get(o.stage) ?? o.stage, due: formatDate(o.due), reason: o.reason }), 'list');
  }
  for (const c of cal.completed ?? []) {
    add([...top, ingestMessages.calendarRegionsHeading], ingestMessages.calendarCompleted(names.get(c.region) ?? c.region, c.stages.map((s) => stageName.get(s) ?? s).join(', ')), 'list');
  }
  return blocks;
}

interface Prepared {
  readonly doc: LoadedDoc;
  readonly special: 'kalender' | 'checklist' | null;
  readonly inTransaction?: (tx: Queryable) => Promise<void>;
}

function issuesText(err: PanduError): string {
  const issues = (err.details.issues as Array<{ line: number; reason: string }> | undefined) ?? [];
  return issues.map((i) => `baris ${i.line}: ${i.reason}`).join('; ');
}

async function prepare(db: Queryable, path: string, data: Uint8Array, maxBytes: number): Promise<Prepared> {
  checkFile(path, data, maxBytes);
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') {
    const text = decodeText(path, data);
    if (!/^\s*kind:\s*kalender\s*$/m.test(text)) throw new LoadError('unsupported', 'YAML yang bukan kalender (kind: kalender)');
    let cal: Calendar;
    try {
      cal = parseCalendar(text);
    } catch (err) {
      if (PanduError.isInstance(err, 'CALENDAR_INVALID')) throw new LoadError('calendar_invalid', issuesText(err));
      throw err;
    }
    const blocks = await calendarBlocks(db, cal);
    return {
      doc: { title: cal.title, blocks, pageCount: null },
      special: 'kalender',
      inTransaction: async (tx) => {
        try {
          await loadCalendar(tx, cal, path);
        } catch (err) {
          if (PanduError.isInstance(err, 'CALENDAR_INVALID')) throw new LoadError('calendar_invalid', issuesText(err));
          throw err;
        }
      },
    };
  }
  const text = ext === '.pdf' || ext === '.docx' ? null : decodeText(path, data);
  const fm = text !== null && (ext === '.md' || ext === '.markdown') ? splitFrontMatter(text) : null;
  if (fm && /^kind:\s*checklist\s*$/m.test(fm.yaml)) {
    let cl;
    try {
      cl = parseChecklist(text!);
    } catch (err) {
      if (PanduError.isInstance(err, 'CHECKLIST_INVALID')) throw new LoadError('checklist_invalid', issuesText(err));
      throw err;
    }
    const doc = parseMarkdown(fm.body, `Checklist ${cl.stage_name}`);
    return { doc, special: 'checklist', inTransaction: (tx) => loadChecklist(tx, cl) };
  }
  const doc = await loadDocument(path, data, fm ? fm.body : text);
  return { doc, special: null };
}

/**
 * Ingests files and folders: unchanged files (same content hash) are skipped, a
 * changed file replaces its document atomically, a bad file is reported with its
 * reason and the rest still ingested.
 */
export async function ingestPaths(deps: IngestDeps, roots: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const log = deps.logger.child({ module: 'ingest' });
  const files = roots.flatMap(collect);
  options.onStart?.(files.length);
  const known = new Map(
    (await deps.db.query<{ path: string; content_hash: string }>('SELECT path, content_hash FROM documents')).map((r) => [r.path, r.content_hash]),
  );
  const summary: IngestSummary = { new: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0, pruned: 0, chunks: 0, pages: 0, seconds: 0, files: [] };
  const record = (o: FileOutcome) => {
    summary[o.status]++;
    summary.chunks += o.chunks;
    summary.pages += o.pages;
    summary.files.push(o);
    options.onFile?.(o);
  };

  for (const abs of files) {
    const path = displayPath(abs);
    if (!SUPPORTED.has(extname(abs).toLowerCase())) {
      record({ path, status: 'skipped', chunks: 0, pages: 0, reason: ingestMessages.reason('unsupported', extname(abs) || undefined) });
      continue;
    }
    let data: Uint8Array;
    try {
      data = readFileSync(abs);
    } catch (err) {
      record({ path, status: 'failed', chunks: 0, pages: 0, reason: (err as Error).message });
      continue;
    }
    const hash = createHash('sha256').update(PIPELINE_VERSION).update(data).digest('hex');
    const previous = known.get(path);
    if (previous === hash && !options.force) {
      record({ path, status: 'unchanged', chunks: 0, pages: 0 });
      continue;
    }
    try {
      const prepared = await prepare(deps.db, path, data, options.maxBytes ?? MAX_FILE_BYTES);
      const kind = kindOf(path, prepared.special);
      const chunks = chunkBlocks(prepared.doc.blocks);
      const indexTexts = chunks.map((c) => indexTextOf(prepared.doc.title, c.heading, c.text));
      const vectors = await deps.embedder.embed(indexTexts);
      const rows: IndexChunk[] = chunks.map((c, i) => ({ ...c, indexText: indexTexts[i]!, embedding: vectors[i] ?? null }));
      await writeDocument(
        deps.db,
        {
          path,
          title: prepared.doc.title || titleFromFileName(path),
          kind,
          regionCode: await regionOf(deps.db, path, kind),
          contentHash: hash,
          pageCount: prepared.doc.pageCount,
          bytes: data.length,
        },
        rows,
        prepared.inTransaction,
      );
      record({ path, status: previous ? 'changed' : 'new', chunks: rows.length, pages: prepared.doc.pageCount ?? 0 });
    } catch (err) {
      if (err instanceof LoadError) {
        record({ path, status: 'failed', chunks: 0, pages: 0, reason: ingestMessages.reason(err.reason as LoadReason, err.detail) });
      } else {
        log.warn({ err, path }, 'file failed');
        record({ path, status: 'failed', chunks: 0, pages: 0, reason: (err as Error).message });
      }
    }
  }

  if (options.prune) {
    const seen = new Set(summary.files.map((f) => f.path));
    const prefixes = roots.map((r) => displayPath(resolve(r)));
    const docs = await deps.db.query<{ id: number; path: string }>('SELECT id, path FROM documents');
    for (const d of docs) {
      const under = prefixes.some((p) => d.path === p || d.path.startsWith(`${p}/`) || p === '');
      if (under && !seen.has(d.path) && !existsSync(resolve(d.path))) {
        await deps.db.transaction(async (tx) => {
          await tx.query('SELECT n FROM bm25_stats WHERE id = 1 FOR UPDATE');
          await deleteDocument(tx, d.id);
        });
        summary.pruned++;
      }
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  log.info(
    { new: summary.new, changed: summary.changed, unchanged: summary.unchanged, failed: summary.failed, chunks: summary.chunks, seconds: Number(summary.seconds.toFixed(2)) },
    'ingest finished',
  );
  return summary;
}
