import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { ingestMessages } from '../messages/index.ts';
import { PanduError } from '../errors.ts';

/** A file beside documents mapping each file name to its public address. */
export const SOURCES_FILE = 'sources.yaml';

const HTTP = /^https?:\/\/\S+$/i;

/** Reads a sources.yaml: file name → address; throws a readable message when it is not one. */
export function readSourcesFile(path: string): Map<string, string> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new PanduError('USAGE', { detail: ingestMessages.sourcesInvalid((err as Error).message.split('\n')[0]!) }, { cause: err });
  }
  if (raw === null || raw === undefined) return new Map();
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new PanduError('USAGE', { detail: ingestMessages.sourcesInvalid(ingestMessages.sourcesNotMapping) });
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'string' || !HTTP.test(value.trim())) throw new PanduError('USAGE', { detail: ingestMessages.sourcesInvalid(ingestMessages.sourcesBadAddress(name)) });
    out.set(name, value.trim());
  }
  return out;
}

/** True when `url` is an http(s) address (`--base-url`). */
export const isHttpAddress = (url: string): boolean => HTTP.test(url);

/**
 * Where each ingested file is published, when the operator says so: its folder's
 * sources.yaml first, else the `--base-url` joined with its path below the ingested folder.
 * (Front matter `url:` wins over both; the pipeline applies that.)
 */
export function createAddressBook(baseUrl?: string): { addressOf(file: string, root: string): string | null } {
  const books = new Map<string, Map<string, string>>();
  const bookOf = (dir: string): Map<string, string> => {
    let book = books.get(dir);
    if (!book) {
      try {
        book = readSourcesFile(join(dir, SOURCES_FILE));
      } catch {
        book = new Map(); // missing, or reported as a failed file of its own
      }
      books.set(dir, book);
    }
    return book;
  };
  return {
    addressOf(file, root) {
      const mapped = bookOf(dirname(file)).get(basename(file));
      if (mapped) return mapped;
      if (!baseUrl) return null;
      const rel = file === root ? basename(file) : relative(root, file).split(sep).join('/');
      return `${baseUrl.replace(/\/+$/, '')}/${rel.split('/').map(encodeURIComponent).join('/')}`;
    },
  };
}
