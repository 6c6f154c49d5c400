import { HeadingTrail, type Block, type LoadedDoc } from './blocks.ts';
import { LoadError } from './errors.ts';

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
  fontName?: string;
}

let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs') | null = null;

/**
 * PDF text per page with pdfjs: lines are rebuilt from positioned text, headings are
 * lines set larger than the body text, running footers ('Halaman 3 dari 12') dropped.
 */
export async function parsePdf(data: Uint8Array, fallbackTitle: string): Promise<LoadedDoc> {
  pdfjs ??= await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, verbosity: 0, disableFontFace: true })
      .promise;
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException') throw new LoadError('pdf_encrypted');
    throw new LoadError('pdf_corrupt', (err as Error).message);
  }
  try {
    const pages: Array<Array<{ text: string; size: number }>> = [];
    const sizes: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
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
        } else if (it.str.trim() || lines.length) {
          lines.push({ y, text: it.str, size });
        }
      }
      const clean = lines
        .map((l) => ({ text: l.text.replace(/\s+/g, ' ').trim(), size: l.size }))
        .filter((l) => l.text && !/^(halaman|hal\.?|page)\s*\d+(\s*(dari|of|\/)\s*\d+)?$/i.test(l.text) && !/^-?\s*\d+\s*-?$/.test(l.text));
      for (const l of clean) for (let i = 0; i < l.text.length; i++) sizes.push(l.size);
      pages.push(clean);
      page.cleanup();
    }
    if (sizes.length === 0) throw new LoadError('pdf_no_text');
    sizes.sort((a, b) => a - b);
    const body = sizes[Math.floor(sizes.length / 2)]!;
    const meta = await doc.getMetadata().catch(() => null);
    const metaTitle = (meta?.info as { Title?: string } | undefined)?.Title?.trim();

    const trail = new HeadingTrail();
    const blocks: Block[] = [];
    let firstHeading: string | null = null;
    const headingSizes = [...new Set(pages.flat().filter((l) => l.size > body * 1.15).map((l) => l.size))].sort((a, b) => b - a);
    pages.forEach((lines, i) => {
      let para: string[] = [];
      let kind: Block['kind'] = 'para';
      const flush = () => {
        const t = para.join(' ').replace(/\s+/g, ' ').trim();
        if (t) blocks.push({ text: t, headings: trail.path, page: i + 1, kind });
        para = [];
        kind = 'para';
      };
      for (const l of lines) {
        if (l.size > body * 1.15 && l.text.length < 160) {
          flush();
          const level = Math.min(headingSizes.indexOf(l.size) + 1, 6);
          firstHeading ??= l.text;
          trail.enter(level, l.text);
          continue;
        }
        if (/^([•\-–*]|\d{1,2}[.)])\s+/.test(l.text)) {
          flush();
          kind = 'list';
          para.push(l.text.replace(/^[•*]\s+/, '- '));
          continue;
        }
        para.push(l.text);
        // A line ending a sentence well short of the margin ends the paragraph.
        if (/[.!?:]$/.test(l.text) && para.join(' ').length > 40) flush();
      }
      flush();
    });
    return { title: metaTitle || firstHeading || fallbackTitle, blocks, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
