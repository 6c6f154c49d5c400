import { basename, extname } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import type { LoadedDoc } from './blocks.ts';
import { LoadError } from './errors.ts';
import { parseHtml } from './html.ts';
import { findInstructions, type InstructionFlag } from './instructions.ts';
import { parseMarkdown } from './markdown.ts';
import type { OcrOptions } from './ocr.ts';
import { parsePdf } from './pdf.ts';
import { parseWebPage } from './web-page.ts';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard.ts';

export const SUPPORTED = new Set(['.md', '.markdown', '.txt', '.html', '.htm', '.pdf', '.docx', '.yaml', '.yml']);
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Most characters of text taken from one file (about 2,500 pages): beyond it the file is refused. */
export const MAX_TEXT_CHARS = 5_000_000;

/** Limits and tools for parsing one untrusted file. */
export interface ParseLimits {
  readonly maxChars: number;
  readonly zip: ZipLimits;
  /** OCR for scanned PDF pages; false turns it off. */
  readonly ocr: OcrOptions | false;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxChars: MAX_TEXT_CHARS, zip: DEFAULT_ZIP_LIMITS, ocr: {} };

/** A parsed document with the passages staff should review. */
export interface ParsedDoc extends LoadedDoc {
  readonly instructions: readonly InstructionFlag[];
}

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

/** DOCX through mammoth once its zip entries are checked; images are never unpacked. */
async function parseDocx(data: Uint8Array, fallbackTitle: string, limits: ParseLimits): Promise<LoadedDoc> {
  await checkZip(data, limits.zip);
  let html: string;
  try {
    const res = await mammoth.convertToHtml(
      { buffer: Buffer.from(data) },
      {
        styleMap: ["br[type='page'] => hr.page-break"],
        includeDefaultStyleMap: true,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = res.value;
  } catch (err) {
    throw new LoadError('docx_corrupt', (err as Error).message);
  }
  // Mammoth's HTML is the document itself: no page furniture to look past, so no Readability.
  return parseHtml(html, fallbackTitle, { pageBreaks: true });
}

/** Plain text: the first short line is the title; paragraphs split on blank lines. */
function parsePlainText(text: string, fallback: string): LoadedDoc {
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim())?.trim() ?? '';
  const heading = first.replace(/^#{1,6}\s+/, '');
  const title = heading.length > 0 && heading.length <= 120 && !/[.!?]$/.test(heading) ? heading : fallback;
  const body = title === heading ? text.slice(text.indexOf(first) + first.length) : text;
  const doc = parseMarkdown(body, title);
  return { ...doc, title };
}

/**
 * Loads one file (already checked; text files already decoded) into blocks, cleaned of
 * boilerplate, with the instruction-like passages found. Runs in the parse worker.
 */
export async function loadDocument(
  path: string,
  data: Uint8Array,
  text: string | null,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  onProgress?: () => void,
): Promise<ParsedDoc> {
  const ext = extname(path).toLowerCase();
  const fallback = titleFromFileName(path);
  const tooLarge = () => new LoadError('text_too_large', `${limits.maxChars.toLocaleString('id-ID')} karakter`);
  // Markup aside, a text file's length is its text's: refuse before parsing what cannot be kept.
  if (text !== null && text.length > (ext === '.html' || ext === '.htm' ? limits.maxChars * 4 : limits.maxChars)) throw tooLarge();
  let doc: LoadedDoc;
  switch (ext) {
    case '.pdf':
      doc = await parsePdf(data, fallback, { ocr: limits.ocr, maxChars: limits.maxChars, onProgress });
      break;
    case '.docx':
      doc = await parseDocx(data, fallback, limits);
      break;
    case '.html':
    case '.htm':
      doc = parseWebPage(text ?? decodeUtf8(data), fallback);
      break;
    case '.txt':
      doc = parsePlainText(text ?? decodeAny(data), fallback);
      break;
    default:
      doc = parseMarkdown(text ?? decodeUtf8(data), fallback);
  }
  if (doc.blocks.length === 0 || doc.blocks.every((b) => b.text.length < 2)) throw new LoadError('no_text');
  if (doc.blocks.reduce((n, b) => n + b.text.length, 0) > limits.maxChars) throw tooLarge();
  return { ...doc, instructions: findInstructions(doc.blocks) };
}
