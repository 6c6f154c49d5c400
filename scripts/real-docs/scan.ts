/**
 * Scanned-document stand-ins: the laid-out PDF is rasterised with `pdftoppm` (Debian
 * poppler-utils) at 200 dpi in grey, and the page images are placed, slightly skewed as
 * on a flatbed scanner, into a new PDF that has no text layer at all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { FIXED_DATE, renderPdf } from './pdf.ts';
import type { Source } from './source.ts';

const DPI = '200';
const SKEW_DEGREES = [0.45, -0.35, 0.6];

function rasterise(pdf: Buffer): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    try {
      execFileSync('pdftoppm', ['-r', DPI, '-gray', '-png', join(dir, 'in.pdf'), join(dir, 'page')], { stdio: 'pipe' });
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new Error(missing ? 'pdftoppm not found: install poppler-utils (apt-get install poppler-utils)' : (err as Error).message);
    }
    return readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort().map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An image-only PDF of the source, as a scanner would produce it. */
export async function renderScan(src: Source): Promise<Buffer> {
  const images = rasterise(await renderPdf(src, true));
  const doc = new PDFDocument({ autoFirstPage: false, info: {
    Title: src.title, Creator: 'Scanner', Producer: 'PDFKit', CreationDate: FIXED_DATE, ModDate: FIXED_DATE,
  } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  images.forEach((png, i) => {
    doc.addPage({ size: 'A4', margin: 0 });
    const [w, h] = [doc.page.width, doc.page.height];
    doc.rect(0, 0, w, h).fill('#f4f3ef'); // the scanner lid shows at the edges
    doc.save().rotate(SKEW_DEGREES[i % SKEW_DEGREES.length]!, { origin: [w / 2, h / 2] });
    doc.image(png, 6, 4, { width: w - 10, height: h - 8 });
    doc.restore();
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
