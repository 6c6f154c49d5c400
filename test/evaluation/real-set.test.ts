/**
 * Guards the real-shaped evaluation set (eval/real): the QA file parses, every gold document
 * exists, every key fact is written in the text of its gold document's source, the generated
 * files match their sources, scans have no text layer, and the halves are split by document.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { parseSource, plainText } from '../../scripts/real-docs/source.ts';
import { loadDocument } from '../../src/ingest/loaders.ts';
import { readQaSet, type QaItem } from '../../src/evaluation/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = 'eval/real/docs';
const SRC = join(ROOT, 'eval', 'real', 'src');
const items = readQaSet(join(ROOT, 'eval', 'real', 'qa.jsonl'));
const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();
const binary = (path: string) => ['.pdf', '.docx'].includes(extname(path));
const sourceOf = (doc: string) => join(SRC, relative(DOCS, doc).replace(/\.(pdf|docx)$/, '.md'));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

/** The text we wrote for a document: the page as a reader sees it, or the source of a generated file. */
function sourceText(doc: string): string {
  const abs = join(ROOT, doc);
  if (binary(doc)) return plainText(parseSource(doc, readFileSync(sourceOf(doc), 'utf8'))!);
  const text = readFileSync(abs, 'utf8');
  if (extname(doc) !== '.html') return text;
  const root = parse(text, { blockTextElements: { script: false, style: false } });
  return root.structuredText;
}

const answerable = items.filter((it) => it.answerable);
const goldDocs = [...new Set(answerable.flatMap((it) => it.gold.map((g) => g.document)))].sort();
const factsByDoc = new Map<string, Set<string>>();
for (const it of answerable) for (const g of it.gold) for (const f of it.facts) factsByDoc.set(g.document, (factsByDoc.get(g.document) ?? new Set()).add(f));

describe('real-shaped evaluation set', () => {
  it('has enough answerable and unanswerable items, each with a split and a unique id', () => {
    expect(answerable.length).toBeGreaterThanOrEqual(150);
    expect(items.length - answerable.length).toBeGreaterThanOrEqual(25);
    expect(new Set(items.map((it) => it.id)).size).toBe(items.length);
    for (const it of items) {
      expect(it.split, it.id).toMatch(/^(dev|test)$/);
      if (it.answerable) expect([it.gold.length > 0, it.facts.length > 0], it.id).toEqual([true, true]);
      else expect([it.gold, it.facts], it.id).toEqual([[], []]);
    }
  });

  it('names gold documents that exist under eval/real/docs', () => {
    for (const doc of goldDocs) {
      expect(doc.startsWith(`${DOCS}/`), doc).toBe(true);
      expect(existsSync(join(ROOT, doc)), doc).toBe(true);
    }
    expect(goldDocs.length).toBeGreaterThanOrEqual(32);
  });

  it('writes every key fact verbatim in the source text of each gold document', () => {
    const missing: string[] = [];
    for (const it of answerable) {
      for (const g of it.gold) {
        const text = norm(sourceText(g.document));
        for (const f of it.facts) if (!text.includes(norm(f))) missing.push(`${it.id} ${g.document}: "${f}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('ships a source for every generated file and a generated file for every source', () => {
    const generated = files(join(ROOT, DOCS)).filter(binary).map((f) => relative(ROOT, f).split(sep).join('/'));
    for (const doc of generated) expect(existsSync(sourceOf(doc)), doc).toBe(true);
    const built = new Set(generated.map((d) => relative(DOCS, d).replace(/\.(pdf|docx)$/, '')));
    for (const src of files(SRC).filter((f) => f.endsWith('.md'))) expect(built.has(relative(SRC, src).split(sep).join('/').replace(/\.md$/, '')), src).toBe(true);
  });

  it('keeps the generated files in step with their sources (facts readable in the built file)', async () => {
    const stale: string[] = [];
    for (const [doc, facts] of factsByDoc) {
      if (!binary(doc) || doc.includes('/pindaian/')) continue;
      const loaded = await loadDocument(doc, readFileSync(join(ROOT, doc)), null);
      const text = norm(loaded.blocks.map((b) => b.text).join('\n'));
      for (const f of facts) if (!text.includes(norm(f))) stale.push(`${doc}: "${f}"`);
    }
    expect(stale).toEqual([]);
  });

  it('renders the scanned decrees as images only: no page has a text layer', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const scans = files(join(ROOT, DOCS, 'pindaian')).filter((f) => f.endsWith('.pdf'));
    expect(scans.length).toBeGreaterThanOrEqual(3);
    for (const scan of scans) {
      const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(scan)), isEvalSupported: false, verbosity: 0 }).promise;
      let textItems = 0;
      for (let p = 1; p <= pdf.numPages; p++) textItems += (await (await pdf.getPage(p)).getTextContent()).items.length;
      await pdf.destroy();
      expect(textItems, scan).toBe(0);
    }
  });

  it('splits by document: all questions about one document are in the same half, about half the documents each', () => {
    const halves = new Map<string, Set<string>>();
    for (const it of answerable) for (const g of it.gold) halves.set(g.document, (halves.get(g.document) ?? new Set()).add(it.split!));
    const mixed = [...halves].filter(([, s]) => s.size > 1).map(([d]) => d);
    expect(mixed).toEqual([]);
    const dev = [...halves.values()].filter((s) => s.has('dev')).length;
    expect(dev / halves.size).toBeGreaterThan(0.4);
    expect(dev / halves.size).toBeLessThan(0.6);
    const unanswerable = (s: string) => items.filter((it: QaItem) => !it.answerable && it.split === s).length;
    expect(Math.abs(unanswerable('dev') - unanswerable('test'))).toBeLessThanOrEqual(1);
  });
});
