/**
 * Lays out a parsed source as a DOCX the way such documents are typed in Word: titles as
 * centred paragraphs (headings only where the source says `#`/`##`), list markers typed by hand
 * with a hanging indent, "Menimbang : …" rows on tab stops, tables with borders.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TabStopType,
  TextRun, WidthType } from 'docx';
import { corePropsXml, fixZipTimes } from '../lib/office.ts';
import { FIXED_DATE } from './pdf.ts';
import type { Line, Source } from './source.ts';

/** Runs of a line with `**bold**` markup (odd segments bold). */
const runs = (text: string, bold = false) =>
  text.split('**').map((t, i) => ({ t, b: bold || i % 2 === 1 })).filter((s) => s.t).map((s) => new TextRun({ text: s.t, bold: s.b || undefined }));

function table(rows: string[][]): Table {
  const cell = (text: string, header: boolean) => new TableCell({
    children: [new Paragraph({ children: runs(text, header) })],
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r, k) => new TableRow({ tableHeader: k === 0, children: r.map((c) => cell(c, k === 0)) })),
  });
}

function block(l: Line): Array<Paragraph | Table> {
  switch (l.kind) {
    case 'blank':
      return [new Paragraph({ children: [] })];
    case 'pagebreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'rule':
      return [new Paragraph({ children: [], border: { bottom: { style: BorderStyle.DOUBLE, size: 6, color: '000000', space: 1 } } })];
    case 'h1':
    case 'h2':
      return [new Paragraph({ heading: l.kind === 'h1' ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, children: [new TextRun(l.text)] })];
    case 'center-bold':
    case 'center':
      return [new Paragraph({ alignment: AlignmentType.CENTER, children: runs(l.text, l.kind === 'center-bold') })];
    case 'right':
      return [new Paragraph({ indent: { left: 4800 }, children: runs(l.text) })];
    case 'kv':
      return [new Paragraph({
        tabStops: [{ type: TabStopType.LEFT, position: 1700 }, { type: TabStopType.LEFT, position: 1950 }],
        indent: { left: 1950, hanging: 1950 },
        children: runs(l.label ? `${l.label}\t:\t${l.value}` : `\t\t${l.value}`),
      })];
    case 'item': {
      const base = /^[a-z]\.$/.test(l.marker) ? 360 : 0;
      return [new Paragraph({ indent: { left: base + 400, hanging: 400 }, alignment: AlignmentType.JUSTIFIED,
        children: runs(`${l.marker === '-' ? '•' : l.marker}\t${l.text}`), tabStops: [{ type: TabStopType.LEFT, position: base + 400 }] })];
    }
    case 'table':
      return [table(l.rows), new Paragraph({ children: [] })];
    case 'para':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: runs(l.text) })];
  }
}

export async function renderDocx(src: Source): Promise<Buffer> {
  const doc = new Document({
    title: src.title, creator: src.author, lastModifiedBy: src.author, revision: 1,
    styles: { default: { document: { run: { font: 'Bookman Old Style', size: 23 } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1701, right: 1418 } } },
      children: src.lines.flatMap(block),
    }],
  });
  const core = corePropsXml({ title: src.title, subject: src.title, creator: src.author, keywords: 'smart city', description: '', date: FIXED_DATE });
  const zip = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]);
  return fixZipTimes(zip, FIXED_DATE);
}
