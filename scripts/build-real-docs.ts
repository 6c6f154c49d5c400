/**
 * Builds the generated documents of the real-shaped evaluation set:
 * eval/real/src/<dir>/<name>.md -> eval/real/docs/<dir>/<name>.pdf | .docx (`npm run eval:build`).
 * `--set <name>` builds another set's sources the same way (eval/<name>/src -> eval/<name>/docs).
 * `format: scan` sources become image-only PDFs (needs `pdftoppm` from poppler-utils).
 * The outputs are committed, so tests and benchmarks never need this script; it runs again
 * only when a source changes. Output is deterministic (fixed dates and zip times).
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocx } from './real-docs/docx.ts';
import { renderPdf } from './real-docs/pdf.ts';
import { renderScan } from './real-docs/scan.ts';
import { parseSource } from './real-docs/source.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const setAt = args.indexOf('--set');
const SET = setAt >= 0 ? args[setAt + 1] ?? '' : 'real';
if (!/^[a-z0-9-]+$/.test(SET)) throw new Error('--set needs the name of a folder under eval/, e.g. --set blind4');
const SRC_DIR = join(ROOT, 'eval', SET, 'src');
const OUT_DIR = join(ROOT, 'eval', SET, 'docs');

function sources(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const full = join(dir, f);
    if (statSync(full).isDirectory()) return sources(full);
    return f.endsWith('.md') && f.toLowerCase() !== 'readme.md' ? [full] : [];
  });
}

async function main(): Promise<void> {
  const only = setAt >= 0 ? args.filter((_, i) => i !== setAt && i !== setAt + 1) : args;
  for (const file of sources(SRC_DIR)) {
    const name = relative(SRC_DIR, file).split(sep).join('/').replace(/\.md$/, '');
    if (only.length && !only.some((o) => name.includes(o))) continue;
    const src = parseSource(name, readFileSync(file, 'utf8'));
    if (!src) {
      console.warn(`skip ${name}.md: first line must be <!-- format: pdf|docx|scan -->`);
      continue;
    }
    const ext = src.format === 'docx' ? 'docx' : 'pdf';
    const data = src.format === 'docx' ? await renderDocx(src) : src.format === 'scan' ? await renderScan(src) : await renderPdf(src);
    const out = join(OUT_DIR, `${name}.${ext}`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, data);
    console.log(`${name}.md -> eval/${SET}/docs/${name}.${ext} (${src.format}, ${(data.length / 1024).toFixed(0)} KB)`);
  }
}

await main();
