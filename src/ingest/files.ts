import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { PanduError } from '../errors.ts';
import { ingestMessages } from '../messages/index.ts';

const IGNORE_FILE = '.panduignore';

/** Files below a folder, skipping dot-files and what the folder's .panduignore names. */
export function collect(root: string): string[] {
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

export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel.split(sep).join('/');
}

export function kindOf(path: string, special: 'kalender' | 'checklist' | null): string {
  if (special) return special;
  const segments = path.toLowerCase().split('/');
  if (/faq|tanya-?jawab/.test(basename(path).toLowerCase())) return 'faq';
  for (const k of ['panduan', 'checklist', 'kalender', 'masterplan']) if (segments.includes(k)) return k;
  return 'lainnya';
}
