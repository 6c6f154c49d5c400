/**
 * Lays out a parsed source as an A4 PDF in the manner of Indonesian official documents
 * (Times, centred titles, "Nomor : …" rows, signature block on the right half, "- 2 -" page
 * numbers). With `scanned`, the "ttd." lines become a drawn signature under a round stamp, as
 * on the paper original that is later photographed or scanned.
 */
import PDFDocument from 'pdfkit';
import { NOT_WIN_ANSI } from '../lib/office.ts';
import type { Line, Source } from './source.ts';

export const FIXED_DATE = new Date('2026-11-24T00:00:00Z');
const BODY = 11.5;
const GAP = 3;
const MARGIN = { top: 72, bottom: 72, left: 78, right: 72 };
const SIZE: Record<string, number> = { h1: 14, h2: 12 };
const ITEM_INDENT = (marker: string) => (/^[a-z]\.$/.test(marker) ? 24 : marker === '-' ? 10 : 0);

type Doc = InstanceType<typeof PDFDocument>;

function drawTable(doc: Doc, rows: string[][], left: number, width: number, bottom: number): void {
  const cols = Math.max(...rows.map((r) => r.length));
  const weights = Array.from({ length: cols }, (_, c) => Math.min(Math.max(...rows.map((r) => (r[c] ?? '').length)), 55) + 6);
  const total = weights.reduce((a, b) => a + b, 0);
  const colW = weights.map((w) => (w / total) * width);
  const pad = 4;
  const font = (header: boolean) => doc.font(header ? 'Times-Bold' : 'Times-Roman').fontSize(10.5);
  const height = (r: string[], header: boolean) =>
    Math.max(...colW.map((w, c) => font(header).heightOfString(r[c] || ' ', { width: w - 2 * pad, lineGap: 1 }))) + 2 * pad;
  rows.forEach((r, k) => {
    const h = height(r, k === 0);
    if (doc.y + h > bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    colW.forEach((w, c) => {
      font(k === 0).fillColor('black').text(r[c] ?? '', x + pad, y + pad, { width: w - 2 * pad, lineGap: 1 });
      doc.rect(x, y, w, h).lineWidth(0.6).strokeColor('black').stroke();
      x += w;
    });
    doc.y = y + h;
  });
  doc.y += 8;
}

/** A hand signature: a few strokes in dark ink. */
function drawSignature(doc: Doc, x: number, y: number): void {
  doc.save().lineWidth(1.3).strokeColor('#1a1a40');
  doc.moveTo(x, y + 18).bezierCurveTo(x + 12, y - 6, x + 24, y + 30, x + 38, y + 8)
    .bezierCurveTo(x + 48, y - 8, x + 58, y + 26, x + 74, y + 10).bezierCurveTo(x + 86, y, x + 96, y + 20, x + 118, y + 12).stroke();
  doc.moveTo(x + 20, y + 24).lineTo(x + 104, y + 20).stroke();
  doc.restore();
}

/** A round office stamp with its text, overlapping the signature as stamps do. */
function drawStamp(doc: Doc, text: string, cx: number, cy: number): void {
  doc.save().strokeColor('#3b2f8f').fillColor('#3b2f8f').lineWidth(1.6);
  doc.circle(cx, cy, 40).stroke();
  doc.lineWidth(0.8).circle(cx, cy, 33).stroke();
  doc.font('Helvetica-Bold').fontSize(6.5).text(text, cx - 30, cy - 10, { width: 60, align: 'center', lineGap: 0 });
  doc.restore();
}

function drawLine(doc: Doc, l: Line, src: Source, scanned: boolean, box: { left: number; width: number; bottom: number }): void {
  const { left, width, bottom } = box;
  const ensure = (h: number) => void (doc.y + h > bottom && doc.addPage());
  const lh = doc.font('Times-Roman').fontSize(BODY).currentLineHeight(true) + GAP;
  const bold = (on: boolean) => doc.font(on ? 'Times-Bold' : 'Times-Roman').fontSize(BODY).fillColor('black');
  switch (l.kind) {
    case 'blank':
      doc.y += lh * 0.6;
      return;
    case 'pagebreak':
      doc.addPage();
      return;
    case 'rule':
      ensure(8);
      doc.moveTo(left, doc.y + 2).lineTo(left + width, doc.y + 2).lineWidth(2).strokeColor('black').stroke();
      doc.moveTo(left, doc.y + 5).lineTo(left + width, doc.y + 5).lineWidth(0.6).stroke();
      doc.y += 12;
      return;
    case 'h1':
    case 'h2':
      ensure(3 * lh);
      doc.font('Times-Bold').fontSize(SIZE[l.kind]!).fillColor('black').text(l.text, left, doc.y, { width, align: 'center' });
      doc.y += 4;
      return;
    case 'center-bold':
    case 'center':
      ensure(lh);
      bold(l.kind === 'center-bold').text(l.text, left, doc.y, { width, align: 'center', lineGap: GAP });
      return;
    case 'right': {
      ensure(lh);
      const x = left + width * 0.52;
      if (scanned && l.text === 'ttd.') {
        drawSignature(doc, x + 10, doc.y - 6);
        if (src.stamp) drawStamp(doc, src.stamp, x - 4, doc.y + 4);
        doc.y += lh;
      } else if (l.text) bold(false).text(l.text, x, doc.y, { width: width * 0.48, lineGap: GAP });
      else doc.y += lh;
      return;
    }
    case 'kv': {
      ensure(lh);
      const y = doc.y;
      bold(false);
      if (l.label) doc.text(l.label, left, y, { width: 92 }).text(':', left + 94, y, { width: 8 });
      doc.text(l.value, left + 104, y, { width: width - 104, lineGap: GAP, align: 'justify' });
      doc.y += 2;
      return;
    }
    case 'item': {
      ensure(lh);
      const x = left + ITEM_INDENT(l.marker);
      const y = doc.y;
      bold(false).text(l.marker === '-' ? '•' : l.marker, x, y, { width: 24 });
      bold(false).text(l.text, x + 24, y, { width: width - (x - left) - 24, lineGap: GAP, align: 'justify' });
      doc.y += 2;
      return;
    }
    case 'table':
      ensure(3 * lh);
      drawTable(doc, l.rows, left, width, bottom);
      return;
    case 'para':
      ensure(2 * lh);
      bold(false).text(l.text.replace(/\*\*/g, ''), left, doc.y, { width, lineGap: GAP, align: 'justify' });
      doc.y += 5;
  }
}

/** Renders the source to a PDF with a text layer (the page images of a scan are made from it). */
export async function renderPdf(src: Source, scanned = false): Promise<Buffer> {
  for (const l of src.lines) {
    const bad = JSON.stringify(l).match(NOT_WIN_ANSI);
    if (bad) throw new Error(`${src.name}: character "${bad[0]}" cannot be shown with the standard PDF fonts`);
  }
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, lang: 'id-ID', info: {
    Title: src.title, Author: src.author, Creator: 'Pandu eval:build', Producer: 'PDFKit', CreationDate: FIXED_DATE, ModDate: FIXED_DATE,
  } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const box = { left: MARGIN.left, width, bottom: doc.page.height - MARGIN.bottom };
  for (const l of src.lines) drawLine(doc, l, src, scanned, box);
  const pages = doc.bufferedPageRange().count;
  for (let p = 1; p < pages; p++) {
    doc.switchToPage(p);
    doc.font('Times-Roman').fontSize(10).fillColor('black').text(`- ${p + 1} -`, MARGIN.left, 40, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
