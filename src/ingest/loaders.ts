import { basename, extname } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { type Block, type LoadedDoc } from './blocks.ts';
import { LoadError } from './errors.ts';
import { parseHtml } from './html.ts';
import { parseMarkdown } from './markdown.ts';
import { parsePdf } from './pdf.ts';

export const SUPPORTED = new Set(['.md', '.markdown', '.txt', '.html', '.htm', '.pdf', '.docx', '.yaml', '.yml']);
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function titleFromFileName(path: string): string {
  return basename(path, extname(path))
    .replace(/[-_]+/g, ' ')
    .replace(/^\d+\s+/, '')
    .replace(/\b\w/g, (c) => c.toUpperCase());
}

function looksBinary(data: Uint8Array): boolean {
  const n = Math.min(data.length, 8_192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / Math.max(n, 1) > 0.1;
}

function decodeUtf8(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    throw new LoadError('not_utf8');
  }
}

/** Plain text in any common charset (UTF-8, UTF-16, Windows-1252 …), detected. */
function decodeAny(data: Uint8Array): string {
  try {
    return decodeUtf8(data);
  } catch {
    const guess = chardet.detect(data) ?? 'windows-1252';
    if (!iconv.encodingExists(guess)) throw new LoadError('not_utf8', `charset ${guess}`);
    return iconv.decode(Buffer.from(data), guess).replace(/^\uFEFF/, '');
  }
}

/** Checks applying to every file before parsing: size, emptiness, binary content. */
export function checkFile(path: string, data: Uint8Array, maxBytes = MAX_FILE_BYTES): void {
  if (data.length === 0) throw new LoadError('empty');
  if (data.length > maxBytes) throw new LoadError('too_large', `${(data.length / 1048576).toFixed(1)} MB`);
  const ext = extname(path).toLowerCase();
  if (!SUPPORTED.has(ext)) throw new LoadError('unsupported', ext || '(tanpa ekstensi)');
  const isUtf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  if (ext !== '.pdf' && ext !== '.docx' && !isUtf16 && looksBinary(data)) throw new LoadError('binary');
}

/** Reads text files as text; everything else through its own parser. */
export function decodeText(path: string, data: Uint8Array): string {
  const ext = extname(path).toLowerCase();
  return ext === '.txt' ? decodeAny(data) : decodeUtf8(data);
}

async function parseDocx(data: Uint8Array, fallbackTitle: string): Promise<LoadedDoc> {
  let html: string;
  try {
    const res = await mammoth.convertToHtml(
      { buffer: Buffer.from(data) },
      { styleMap: ["br[type='page'] => hr.page-break"], includeDefaultStyleMap: true },
    );
    html = res.value;
  } catch (err) {
    throw new LoadError('docx_corrupt', (err as Error).message);
  }
  return parseHtml(html, fallbackTitle, { pageBreaks: true });
}

/** Loads one file (already checked) into blocks. Calendars and checklists are handled by the caller. */
export async function loadDocument(path: string, data: Uint8Array, text: string | null): Promise<LoadedDoc> {
  const ext = extname(path).toLowerCase();
  const fallback = titleFromFileName(path);
  let doc: LoadedDoc;
  switch (ext) {
    case '.pdf':
      doc = await parsePdf(data, fallback);
      break;
    case '.docx':
      doc = await parseDocx(data, fallback);
      break;
    case '.html':
    case '.htm':
      doc = parseHtml(text ?? decodeUtf8(data), fallback);
      break;
    case '.txt':
      doc = parsePlainText(text ?? decodeAny(data), fallback);
      break;
    default:
      doc = parseMarkdown(text ?? decodeUtf8(data), fallback);
  }
  if (doc.blocks.length === 0 || doc.blocks.every((b: Block) => b.text.length < 2)) throw new LoadError('no_text');
  return doc;
}

/** Plain text: the first short line is the title; paragraphs split on blank lines. */
function parsePlainText(text: string, fallback: string): LoadedDoc {
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim())?.trim() ?? '';
  const title = first.length > 0 && first.length <= 120 && !/[.!?]$/.test(first) ? first : fallback;
  const body = title === first ? text.slice(text.indexOf(first) + first.length) : text;
  const doc = parseMarkdown(body.replace(/^#/gm, '\\#'), title);
  return { ...doc, title };
}
