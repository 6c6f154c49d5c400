/**
 * Builds the sample masterplans: corpus-src/masterplan/*.md -> corpus/masterplan/<name>.pdf|.docx.
 * The Markdown subset and the `<!-- format: pdf|docx -->` marker are described in
 * corpus-src/masterplan/README.md. Output is deterministic (fixed dates, fixed zip times),
 * so rebuilding unchanged sources gives byte-identical files.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { AlignmentType, Document, Footer, HeadingLevel, LevelFormat, Packer, PageBreak, PageNumber, Paragraph, ShadingType,
  Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { NOT_WIN_ANSI, corePropsXml, fixZipTimes } from './lib/office.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC_DIR = join(ROOT, 'corpus-src', 'masterplan');
const OUT_DIR = join(ROOT, 'corpus', 'masterplan');
const FIXED_DATE = new Date('2026-09-25T00:00:00Z');
const DOCX_PAGE_WORDS = 400; // explicit DOCX page break before a unit that would pass this
const DOCX_MIN_PAGE_WORDS = 250; // ... unless the page holds fewer words than this
const KEYWORDS = 'G100SC, masterplan smart city, contoh';
const LABEL = 'Contoh (sampel) — dokumen fiktif untuk Pandu, bukan dokumen resmi daerah';

type Block = { kind: 'heading'; level: 1 | 2 | 3; text: string } | { kind: 'para'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] } | { kind: 'table'; rows: string[][] } | { kind: 'pagebreak' };

interface Source { name: string; format: 'pdf' | 'docx'; title: string; author: string; subject: string; blocks: Block[] }

/** Parses the marker/metadata comments and the supported Markdown subset into blocks. */
function parseSource(name: string, text: string): Source | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const meta: Record<string, string> = {};
  let i = 0;
  for (let m; i < lines.length && (m = lines[i]!.trim().match(/^<!--\s*(format|author|subject):\s*(.*?)\s*-->$/)); i++) meta[m[1]!] = m[2]!;
  if (meta.format !== 'pdf' && meta.format !== 'docx') return null;
  const blocks: Block[] = [];
  let para: string[] = [];
  let afterBlank = true;
  const flush = () => void (para.length && blocks.push({ kind: 'para', text: para.join(' ') }), (para = []));
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const last = blocks[blocks.length - 1];
    let m: RegExpMatchArray | null;
    if (!line || /^(<!--|#|[-*]\s|\d{1,2}[.)]\s|\|)/.test(line)) flush(); // a new block starts
    if (!line) {
      afterBlank = true;
    } else if (/^<!--\s*pagebreak\s*-->$/i.test(line)) {
      blocks.push({ kind: 'pagebreak' });
    } else if ((m = line.match(/^(#{1,3})\s+(.+)$/))) {
      blocks.push({ kind: 'heading', level: m[1]!.length as 1 | 2 | 3, text: m[2]!.trim() });
    } else if ((m = line.match(/^([-*]|\d{1,2}[.)])\s+(.+)$/))) {
      const ordered = /\d/.test(m[1]!);
      if (last?.kind === 'list' && last.ordered === ordered && !afterBlank) last.items.push(m[2]!);
      else blocks.push({ kind: 'list', ordered, items: [m[2]!] });
    } else if (line.startsWith('|')) {
      const cells = line.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
      if (cells.every((c) => /^:?-{2,}:?$/.test(c))) continue;
      if (last?.kind === 'table' && !afterBlank) last.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
    } else if (last?.kind === 'list' && !afterBlank && para.length === 0) {
      last.items[last.items.length - 1] += ` ${line}`; // continuation line of a list item
    } else {
      para.push(line);
    }
    if (line) afterBlank = false;
  }
  flush();
  const title = blocks.find((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 1)?.text ?? name;
  const { author = 'Pandu (dokumen sampel)', subject = 'Contoh (sampel) masterplan smart city' } = meta;
  return { name, format: meta.format, title, author, subject, blocks };
}

/** Splits `**bold**` markup into runs. */
const segments = (text: string) => text.split('**').map((t, i) => ({ text: t, bold: i % 2 === 1 })).filter((s) => s.text);
const plain = (text: string) => text.replace(/\*\*/g, '');
const wordCount = (text: string) => plain(text).split(/\s+/).filter(Boolean).length;
const blockText = (b: Block) =>
  b.kind === 'list' ? b.items.join(' ') : b.kind === 'table' ? b.rows.flat().join(' ') : b.kind === 'pagebreak' ? '' : b.text;

async function buildPdf(src: Source): Promise<Buffer> {
  const margin = { top: 72, bottom: 80, left: 72, right: 72 };
  const [body, gap] = [11, 5]; // body font size and line gap (pt)
  const headingSize = { 1: 20, 2: 16, 3: 13.5 } as const;
  const doc = new PDFDocument({ size: 'A4', margins: margin, bufferPages: true, lang: 'id-ID', displayTitle: true, info: {
    Title: src.title, Author: src.author, Subject: src.subject, Keywords: KEYWORDS,
    Creator: 'Pandu corpus:build', Producer: 'PDFKit', CreationDate: FIXED_DATE, ModDate: FIXED_DATE,
  } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const left = margin.left;
  const width = doc.page.width - margin.left - margin.right;
  const bottom = () => doc.page.height - margin.bottom;
  const lineHeight = () => doc.font('Helvetica').fontSize(body).currentLineHeight(true) + gap;
  const ensure = (h: number) => void (doc.y + h > bottom() && doc.addPage());
  const atTop = () => doc.y <= margin.top + 1;
  // Text with **bold** runs, starting at (x, y), wrapped to w.
  const rich = (text: string, x: number, y: number, w: number) => {
    const segs = segments(text);
    segs.forEach((s, k) => {
      doc.font(s.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(body).fillColor('black');
      const opts = { width: w, lineGap: gap, continued: k < segs.length - 1 };
      if (k === 0) doc.text(s.text, x, y, opts);
      else doc.text(s.text, opts);
    });
  };
  const table = (rows: string[][]) => {
    const [cols, pad, size] = [Math.max(...rows.map((r) => r.length)), 4, 10];
    const weights = Array.from({ length: cols }, (_, c) => Math.min(Math.max(...rows.map((r) => plain(r[c] ?? '').length)), 60) + 8);
    const total = weights.reduce((a, b) => a + b, 0);
    const colW = weights.map((w) => (w / total) * width);
    const setFont = (header: boolean) => doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).fillColor('black');
    const rowHeight = (r: string[], header: boolean) =>
      Math.max(...colW.map((w, c) => setFont(header).heightOfString(plain(r[c] ?? '') || ' ', { width: w - 2 * pad, lineGap: 2 }))) + 2 * pad;
    const drawRow = (r: string[], header: boolean) => {
      const h = rowHeight(r, header);
      if (doc.y + h > bottom()) {
        doc.addPage();
        if (!header) drawRow(rows[0]!, true);
      }
      const y = doc.y;
      if (header) doc.rect(left, y, width, h).fill('#dde4f0');
      let x = left;
      colW.forEach((w, c) => {
        setFont(header).text(plain(r[c] ?? ''), x + pad, y + pad, { width: w - 2 * pad, lineGap: 2 });
        x += w;
      });
      doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.5).strokeColor('#7f8ba3').stroke();
      doc.y = y + h;
    };
    ensure(rowHeight(rows[0]!, true) + rowHeight(rows[1] ?? rows[0]!, false));
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor('#7f8ba3').stroke();
    rows.forEach((r, k) => drawRow(r, k === 0));
    doc.y += 12;
  };

  for (const b of src.blocks) {
    const bad = blockText(b).match(NOT_WIN_ANSI);
    if (bad) throw new Error(`${src.name}: character "${bad[0]}" cannot be shown with the standard PDF fonts`);
    if (b.kind === 'pagebreak') {
      if (!atTop()) doc.addPage();
    } else if (b.kind === 'heading') {
      let size: number = headingSize[b.level];
      // The title is shrunk (not below 17pt, still above level 2) to stay on one line.
      while (b.level === 1 && size > 17 && doc.font('Helvetica-Bold').fontSize(size).widthOfString(plain(b.text)) > width) size -= 0.5;
      ensure(size * 1.5 + 12 + 3 * lineHeight()); // keep the heading with the following lines
      if (!atTop()) doc.y += b.level === 3 ? 6 : 14;
      doc.font('Helvetica-Bold').fontSize(size).fillColor(b.level === 3 ? '#1f2f4f' : '#17365d');
      doc.text(plain(b.text), left, doc.y, { width, lineGap: 2 });
      doc.y += b.level === 1 ? 14 : 6;
    } else if (b.kind === 'para') {
      ensure(2 * lineHeight());
      rich(b.text, left, doc.y, width);
      doc.y += 7;
    } else if (b.kind === 'list') {
      b.items.forEach((item, k) => {
        ensure(lineHeight() + 2);
        const y = doc.y;
        doc.font('Helvetica').fontSize(body).fillColor('black').text(b.ordered ? `${k + 1}.` : '•', left + 6, y, { lineBreak: false });
        rich(item, left + 24, y, width - 24);
        doc.y += 3;
      });
      doc.y += 5;
    } else {
      table(b.rows);
    }
  }

  const pages = doc.bufferedPageRange().count;
  for (let p = 0; p < pages; p++) {
    doc.switchToPage(p);
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not add a page
    doc.font('Helvetica').fontSize(9).fillColor('#555555')
      .text(`Halaman ${p + 1} dari ${pages}`, left, doc.page.height - 48, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

async function buildDocx(src: Source): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  let words = 0; // words on the current page
  let lists = 0;
  const pageBreak = () => void (children.push(new Paragraph({ children: [new PageBreak()] })), (words = 0));
  // Adds a unit of `n` words, breaking the page first when it would overflow (`extra` keeps headings with what follows).
  const fit = (n: number, extra = 0) => {
    if (words >= DOCX_MIN_PAGE_WORDS && words + n + extra > DOCX_PAGE_WORDS) pageBreak();
    words += n;
  };
  const runs = (text: string, bold = false) => segments(text).map((s) => new TextRun({ text: s.text, bold: bold || s.bold || undefined }));
  const cell = (text: string, header: boolean) => new TableCell({
    children: [new Paragraph({ children: runs(plain(text), header) })],
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'DDE4F0' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
  const headings = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

  for (const b of src.blocks) {
    if (b.kind === 'pagebreak') {
      if (words > 0) pageBreak();
    } else if (b.kind === 'heading') {
      fit(wordCount(b.text), 80);
      children.push(new Paragraph({ heading: headings[b.level], children: [new TextRun(plain(b.text))] }));
    } else if (b.kind === 'para') {
      fit(wordCount(b.text));
      children.push(new Paragraph({ children: runs(b.text), spacing: { after: 120 } }));
    } else if (b.kind === 'list') {
      const instance = lists++;
      for (const item of b.items) {
        fit(wordCount(item));
        children.push(new Paragraph({ children: runs(item), numbering: { reference: b.ordered ? 'numbered' : 'bullets', level: 0, instance } }));
      }
    } else {
      // Split long tables at page breaks, repeating the header row.
      const [header = [], ...body] = b.rows;
      let part: TableRow[] = [];
      const close = () => void (part.length && children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [new TableRow({ tableHeader: true, children: header.map((c) => cell(c, true)) }), ...part] })), (part = []));
      fit(wordCount(header.join(' ')), 40);
      for (const r of body) {
        const n = wordCount(r.join(' '));
        if (part.length && words >= DOCX_MIN_PAGE_WORDS && words + n > DOCX_PAGE_WORDS) {
          close();
          pageBreak();
          words += wordCount(header.join(' '));
        }
        words += n;
        part.push(new TableRow({ children: header.map((_, c) => cell(r[c] ?? '', false)) }));
      }
      close();
      children.push(new Paragraph({ children: [] }));
    }
  }

  const listLevel = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: 0, format, text, alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720, hanging: 360 }, spacing: { after: 60 } } },
  });
  const doc = new Document({
    title: src.title, subject: src.subject, creator: src.author, lastModifiedBy: src.author,
    description: LABEL, revision: 1,
    styles: { default: { document: { run: { font: 'Calibri', size: 23 } } } },
    numbering: { config: [
      { reference: 'bullets', levels: [listLevel(LevelFormat.BULLET, '•')] },
      { reference: 'numbered', levels: [listLevel(LevelFormat.DECIMAL, '%1.')] },
    ] },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
      footers: { default: new Footer({ children: [new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 18, children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES] })],
      })] }) },
      children,
    }],
  });
  const core = corePropsXml({ title: src.title, subject: src.subject, creator: src.author, keywords: KEYWORDS, description: LABEL, date: FIXED_DATE });
  const zip = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]);
  return fixZipTimes(zip, FIXED_DATE);
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const files = readdirSync(SRC_DIR).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort();
  for (const file of files) {
    const src = parseSource(file.replace(/\.md$/, ''), readFileSync(join(SRC_DIR, file), 'utf8'));
    if (!src) console.warn(`skip ${file}: first line must be <!-- format: pdf --> or <!-- format: docx -->`);
    if (!src) continue;
    writeFileSync(join(OUT_DIR, `${src.name}.${src.format}`), src.format === 'pdf' ? await buildPdf(src) : await buildDocx(src));
    const words = src.blocks.reduce((n, b) => n + wordCount(blockText(b)), 0);
    console.log(`${file} -> corpus/masterplan/${src.name}.${src.format} (${words} words)`);
  }
}

await main();
