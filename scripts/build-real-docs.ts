/**
 * Builds the generated documents of the real-shaped evaluation set:
 * eval/real/src/<dir>/<name>.md -> eval/real/docs/<dir>/<name>.pdf | .docx (`npm run eval:build`).
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
const SRC_DIR = join(ROOT, 'eval', 'real', 'src');
const OUT_DIR = join(ROOT, 'eval', 'real', 'docs');

function sources(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const full = join(dir, f);
    if (statSync(full).isDirectory()) return sources(full);
    return f.endsWith('.md') && f.toLowerCase() !== 'readme.md' ? [full] : [];
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
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
    console.log(`${name}.md -> eval/real/docs/${name}.${ext} (${src.format}, ${(data.length / 1024).toFixed(0)} KB)`);
  }
}

await main();
