import type { LoadedDoc } from './blocks.ts';
import { LineCleaner } from './cleaner.ts';
import { loadRefused } from './errors.ts';
import { missingForOcr, ocrPdfPages, type OcrOptions } from './ocr.ts';
import { ocrLines, pagesToBlocks, type PageLine } from './pdf-layout.ts';

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  width?: number;
}

type PdfDocument = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;

let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs') | null = null;

/** pdf.js's worker module, run in this thread (pdf.js imports it by this same address). */
const PDFJS_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * pdf.js's legacy build (the one for Node) and its worker module each carry core-js, which
 * replaces built-ins this Node already has with JavaScript versions, for the whole process:
 * Array.prototype.push, JSON.parse and JSON.stringify (for edge cases of newer proposals pdf.js
 * does not use). Every push in the parse worker then went through it, pdf.js's own and the
 * chunking's. Both modules are loaded here and the built-ins put back.
 */
async function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  const builtIns = ([[Array.prototype, 'push'], [JSON, 'parse'], [JSON, 'stringify']] as const).map(([o, k]) => [o, k, Object.getOwnPropertyDescriptor(o, k)!] as const);
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  await import(PDFJS_WORKER);
  for (const [o, k, d] of builtIns) Object.defineProperty(o, k, d);
  return lib;
}

export interface PdfOptions {
  /** OCR for pages without a text layer; false turns it off. */
  readonly ocr?: OcrOptions | false;
  /** Most characters of text taken from one file. */
  readonly maxChars: number;
  /** Most pages read with OCR. */
  readonly maxOcrPages: number;
  /** Called after each page, so a supervisor can tell slow work from a hang. */
  readonly onProgress?: () => void;
}

/**
 * A blank stretch this many times the font size inside a line separates table cells or form
 * columns; word spaces and a list marker's gap are narrower.
 */
const CELL_GAP = 1.5;

interface LineBuild {
  y: number;
  end: number;
  size: number;
  /** A wide blank was seen: the next piece starts a new cell. */
  cut: boolean;
  /** Each cell's text runs; its text is theirs joined. */
  cells: Array<{ x: number; parts: Array<{ x: number; end: number; text: string }> }>;
}

/**
 * The positioned text of a page rebuilt into lines, with the largest font size on each. A line
 * whose pieces stand apart by wide gaps (a table row, 'Hari, tanggal : Selasa …') keeps them
 * as cells with their x positions, so the layout can read rows and columns.
 */
async function pageLines(doc: PdfDocument, p: number): Promise<PageLine[]> {
  const page = await doc.getPage(p);
  const content = await page.getTextContent();
  const lines: LineBuild[] = [];
  for (const it of content.items as TextItem[]) {
    if (!('str' in it)) continue;
    const x = it.transform[4]!;
    const y = Math.round(it.transform[5]!);
    const size = Math.round(Math.hypot(it.transform[2]!, it.transform[3]!) || it.height);
    const width = it.width ?? 0;
    // Text is drawn in any order: a table's header cell may come after the wrapped line below it.
    const last = lines.findLast((l, i) => Math.abs(l.y - y) <= 2 && (i === lines.length - 1 || (i >= lines.length - 3 && x >= l.end - 1)));
    if (last) {
      last.size = Math.max(last.size, size);
      const wide = CELL_GAP * Math.max(size, 1);
      // pdf.js spans a wide gap with a blank piece of its own.
      if (!it.str.trim() && width >= wide) last.cut = true;
      else {
        const run = { x, end: x + width, text: it.str };
        if (last.cut || x - last.end >= wide) last.cells.push({ x, parts: [run] });
        else last.cells[last.cells.length - 1]!.parts.push(run);
        last.cut = false;
      }
      last.end = Math.max(last.end, x + width);
    } else if (it.str.trim() || lines.length) lines.push({ y, end: x + width, size, cut: false, cells: [{ x, parts: [{ x, end: x + width, text: it.str }] }] });
  }
  page.cleanup();
  return lines.flatMap((l) => {
    const cells = l.cells
      .map((c) => ({ x: Math.round(c.x), text: c.parts.map((p) => p.text).join('').replace(/\s+/g, ' ').trim(), parts: c.parts.map((p) => ({ ...p, x: Math.round(p.x) })) }))
      .filter((c) => c.text);
    const text = cells.map((c) => c.text).join(' ');
    if (!text) return [];
    return [{ text, size: l.size, x: cells[0]!.x, y: l.y, ...(cells.length >= 2 ? { cells } : {}) }];
  });
}

/** Pages without a text layer read with OCR; a scan without OCR available is refused with the reason. */
async function readScannedPages(data: Uint8Array, pages: PageLine[][], options: PdfOptions): Promise<{ read: number[]; unread: number[] }> {
  const empty = pages.flatMap((lines, i) => (lines.length === 0 ? [i + 1] : []));
  if (empty.length === 0) return { read: [], unread: [] };
  const allEmpty = empty.length === pages.length;
  const missing = options.ocr === false ? 'disabled' : await missingForOcr(options.ocr);
  if (missing) {
    if (allEmpty) throw loadRefused('pdf_scan_no_ocr', missing);
    return { read: [], unread: empty };
  }
  if (empty.length > options.maxOcrPages) throw loadRefused('ocr_too_many_pages', `${empty.length} > ${options.maxOcrPages}`);
  const texts = await ocrPdfPages(data, empty, options.ocr || {}, options.onProgress);
  const read: number[] = [];
  for (const [page, text] of texts) {
    const lines = ocrLines(text);
    if (lines.some((l) => l.text)) {
      pages[page - 1] = lines;
      read.push(page);
    }
  }
  if (allEmpty && read.length === 0) throw loadRefused('pdf_no_text');
  return { read, unread: [] };
}

/**
 * PDF text per page with pdfjs; pages without a text layer (scans) read with OCR. Lines
 * are rebuilt from positioned text, running heads, feet and page numbers removed, and
 * headings are lines set larger than the body text.
 */
export async function parsePdf(data: Uint8Array, fallbackTitle: string, options: PdfOptions): Promise<LoadedDoc> {
  pdfjs ??= await loadPdfjs();
  let doc: PdfDocument;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, verbosity: 0, disableFontFace: true }).promise;
  } catch (err) {
    if ((err as Error).name === 'PasswordException') throw loadRefused('pdf_encrypted');
    throw loadRefused('pdf_corrupt', (err as Error).message);
  }
  try {
    const pages: PageLine[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const lines = await pageLines(doc, p);
      chars += lines.reduce((n, l) => n + l.text.length, 0);
      if (chars > options.maxChars) throw loadRefused('text_too_large', `${options.maxChars.toLocaleString('id-ID')} karakter`);
      pages.push(lines);
      options.onProgress?.();
    }
    const scanned = await readScannedPages(data, pages, options);
    const meta = await doc.getMetadata().catch(() => null);
    const metaTitle = (meta?.info as { Title?: string } | undefined)?.Title?.trim();
    const cleaner = new LineCleaner();
    const { blocks, firstHeading } = pagesToBlocks(pages, cleaner);
    return {
      title: metaTitle || firstHeading || fallbackTitle,
      blocks,
      pageCount: doc.numPages,
      removed: cleaner.removed,
      meta: { publishedAt: cleaner.publishedAt, place: cleaner.place },
      ocrPages: scanned.read,
      unreadPages: scanned.unread,
    };
  } finally {
    await doc.destroy();
  }
}
