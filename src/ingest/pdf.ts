import type { LoadedDoc } from './blocks.ts';
import { LineCleaner } from './cleaner.ts';
import { loadRefused } from './errors.ts';
import { missingForOcr, ocrPdfPages, type OcrOptions } from './ocr.ts';
import { ocrLines, pagesToBlocks, type PageLine } from './pdf-layout.ts';

interface TextItem {
  str: string;
  transform: number[];
  height: number;
}

type PdfDocument = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;

let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs') | null = null;

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

/** The positioned text of a page rebuilt into lines, with the largest font size on each. */
async function pageLines(doc: PdfDocument, p: number): Promise<PageLine[]> {
  const page = await doc.getPage(p);
  const content = await page.getTextContent();
  const lines: Array<{ y: number; text: string; size: number }> = [];
  for (const it of content.items as TextItem[]) {
    if (!('str' in it)) continue;
    const y = Math.round(it.transform[5]!);
    const size = Math.round(Math.hypot(it.transform[2]!, it.transform[3]!) || it.height);
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - y) <= 2) {
      last.text += it.str;
      last.size = Math.max(last.size, size);
    } else if (it.str.trim() || lines.length) lines.push({ y, text: it.str, size });
  }
  page.cleanup();
  return lines.map((l) => ({ text: l.text.replace(/\s+/g, ' ').trim(), size: l.size })).filter((l) => l.text);
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
  pdfjs ??= await import('pdfjs-dist/legacy/build/pdf.mjs');
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
