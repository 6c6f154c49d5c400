import { basename, extname } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { loadRefused } from './errors.ts';
import { MAX_FILE_BYTES } from './limits.ts';

/** File kinds Pandu reads; everything else is skipped with a reason. */
export const SUPPORTED = new Set(['.md', '.markdown', '.txt', '.html', '.htm', '.pdf', '.docx', '.yaml', '.yml']);

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

export function decodeUtf8(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    throw loadRefused('not_utf8');
  }
}

/** Plain text in any common charset (UTF-8, UTF-16, Windows-1252 …), detected. */
export function decodeAny(data: Uint8Array): string {
  try {
    return decodeUtf8(data);
  } catch {
    const guess = chardet.detect(data) ?? 'windows-1252';
    if (!iconv.encodingExists(guess)) throw loadRefused('not_utf8', `charset ${guess}`);
    return iconv.decode(Buffer.from(data), guess).replace(/^\uFEFF/, '');
  }
}

/** Checks applying to every file before parsing: size, emptiness, binary content. */
export function checkFile(path: string, data: Uint8Array, maxBytes = MAX_FILE_BYTES): void {
  if (data.length === 0) throw loadRefused('empty');
  if (data.length > maxBytes) throw loadRefused('too_large', `${(data.length / 1048576).toFixed(1)} MB`);
  const ext = extname(path).toLowerCase();
  if (!SUPPORTED.has(ext)) throw loadRefused('unsupported', ext || '(tanpa ekstensi)');
  const isUtf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  if (ext !== '.pdf' && ext !== '.docx' && !isUtf16 && looksBinary(data)) throw loadRefused('binary');
}

/** Reads text files as text; everything else through its own parser. */
export function decodeText(path: string, data: Uint8Array): string {
  const ext = extname(path).toLowerCase();
  return ext === '.txt' ? decodeAny(data) : decodeUtf8(data);
}

