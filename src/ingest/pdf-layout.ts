import { HeadingTrail, tableRowText, type Block } from './blocks.ts';
import { dropRunningLines, LineCleaner } from './cleaner.ts';

/** One visual line of a page; `size` 0 for OCR text (no font size known), '' marks a paragraph gap. */
export interface PageLine {
  readonly text: string;
  readonly size: number;
  /** Where the line starts and its baseline (PDF points from the left and the bottom; unknown for OCR text). */
  readonly x?: number;
  readonly y?: number;
  /**
   * Pieces set apart by wide gaps (table cells, form columns), when there are two or more; with
   * the positioned text runs each is made of, where the PDF has them.
   */
  readonly cells?: ReadonlyArray<Cell>;
}

export interface Cell {
  readonly x: number;
  readonly text: string;
  readonly parts?: ReadonlyArray<{ readonly x: number; readonly end: number; readonly text: string }>;
}

/** How far (points) a cell may start from its column's left edge. */
const COLUMN_SLACK = 3;
/** Baselines further apart than this many font sizes are not lines of one table or form. */
const ROW_GAP = 2.5;
/** Lines of a block this many times further apart than its closest two are separate rows… */
const ROWS_APART = 1.35;
/** …and lines closer than this many times the closest step are one row's wrapped cells. */
const WRAPPED_LINE = 1.2;
/** …and of a signature block, with room for the signatures and stamps between office and name. */
const SIGNATURE_GAP = 8;
/** How far (points) past a column's edge a wrapped list item's lines may be indented. */
const HANGING_INDENT = 40;
const ROW_NUMBER = /^\d{1,3}[.)]?$/;

/**
 * Lines set out in columns: a table (its first row the header, unless it starts with a row
 * number and the previous table's header has as many columns: a table continued on the next
 * page), form lines ('Hari, tanggal | : | Selasa, 5 Maret 2024') or a signature block
 * ('Mengetahui, | Notulis,'). A line of a single piece inside a later column continues the
 * row above it (a cell's text wrapped onto the next line).
 */
class ColumnBlock {
  /** Left edges of the columns: every place a cell of the block starts. */
  private columns: number[] = [];
  private readonly entries: Array<{ readonly line: PageLine; readonly cells: NonNullable<PageLine['cells']>; readonly wrap: boolean }> = [];

  constructor(first: PageLine & { cells: NonNullable<PageLine['cells']> }) {
    this.add(first);
  }

  private get last(): PageLine {
    return this.entries[this.entries.length - 1]!.line;
  }

  /** The line sits right under the block's last line (a row, or a cell's wrapped line), not after a gap. */
  private near(l: PageLine): boolean {
    if (l.y === undefined || this.last.y === undefined) return true;
    // Under 'Mengetahui,' and 'Notulis,' space is left for the signatures.
    const gap = this.signatures() ? SIGNATURE_GAP : ROW_GAP;
    return Math.abs(this.last.y - l.y) <= gap * Math.max(l.size, this.last.size, 1);
  }

  /** A signature block: every cell of its first line closes with a comma ('Mengetahui,', 'Notulis,', 'Bupati Uji,'). */
  private signatures(): boolean {
    return this.entries[0]!.cells.every((c) => c.text.endsWith(','));
  }

  /** Another line of cells right under the block, starting at one of its columns or inside it (a wrapped header). */
  takes(l: PageLine): l is PageLine & { cells: NonNullable<PageLine['cells']> } {
    if (!l.cells || !this.near(l)) return false;
    const first = l.cells[0]!.x;
    return first >= this.columns[0]! - COLUMN_SLACK && first <= this.columns[this.columns.length - 1]! + HANGING_INDENT;
  }

  add(l: PageLine & { cells: NonNullable<PageLine['cells']> }): void {
    this.entries.push({ line: l, cells: l.cells, wrap: false });
    for (const c of l.cells) if (!this.columns.some((x) => Math.abs(x - c.x) <= COLUMN_SLACK)) this.columns.push(c.x);
    this.columns.sort((a, b) => a - b);
  }

  /** A cell run into the next one with little space between ('Smart Branding portal …'): cut where a text run starts a column. */
  private split(cell: Cell): Cell[] {
    const out: Cell[] = [];
    let runs: Array<{ x: number; end?: number; text: string }> = [];
    const close = () => {
      const text = runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim();
      if (text) out.push({ x: runs[0]!.x, text });
    };
    for (const run of cell.parts ?? [cell]) {
      // A run set apart from the one before it (a space, or any gap) that starts at a column's edge.
      const prev = runs[runs.length - 1];
      const apart = prev !== undefined && (/\s$/.test(prev.text) || !prev.text || (prev.end !== undefined && run.x - prev.end >= 1));
      const opens = apart && run.text.trim() !== '' && this.columns.some((c) => c > cell.x + COLUMN_SLACK && Math.abs(c - run.x) <= COLUMN_SLACK);
      if (opens) {
        close();
        runs = [];
      }
      runs.push(run);
    }
    close();
    return out;
  }

  /**
   * A wrapped cell's next line: it starts in a column after the first, at most a hanging indent
   * past the last column's edge (a centred heading after the block starts further right).
   */
  continues(l: PageLine): boolean {
    if (l.cells || l.x === undefined || this.columns.length < 2 || !this.near(l)) return false;
    return l.x >= this.columns[1]! - COLUMN_SLACK && l.x <= this.columns[this.columns.length - 1]! + HANGING_INDENT;
  }

  extend(l: PageLine): void {
    this.entries.push({ line: l, cells: [{ x: l.x!, text: l.text }], wrap: true });
  }

  private columnOf(x: number): number {
    let at = 0;
    this.columns.forEach((c, i) => {
      if (x >= c - COLUMN_SLACK) at = i;
    });
    return at;
  }

  /**
   * The rows, cells by column. Where some lines stand clearly further apart than the closest
   * ones, the closest are one row's wrapped cells and the wider steps start rows (a table
   * whose cells wrap); where all stand alike apart, every line is a row.
   */
  private rows(): string[][] {
    const step = (i: number) => {
      const a = this.entries[i - 1]!.line.y;
      const b = this.entries[i]!.line.y;
      return a === undefined || b === undefined ? null : Math.abs(a - b);
    };
    const steps = this.entries.map((_, i) => (i > 0 ? step(i) : null)).filter((x): x is number => x !== null);
    const closest = Math.min(...steps);
    const wraps = steps.some((x) => x >= ROWS_APART * closest);
    const rows: string[][] = [];
    this.entries.forEach((e, i) => {
      const d = i > 0 ? step(i) : null;
      const same = rows.length > 0 && (e.wrap || (wraps && d !== null && d < WRAPPED_LINE * closest));
      const row = same ? rows[rows.length - 1]! : this.columns.map(() => '');
      for (const c of e.cells.flatMap((cell) => this.split(cell))) {
        const k = this.columnOf(c.x);
        row[k] = row[k] ? `${row[k]} ${c.text}` : c.text;
      }
      if (!same) rows.push(row);
    });
    return rows;
  }

  /** The block's lines as text: one per table row ('Kolom: nilai; …'), form line or signature column. */
  lines(lastHeader: readonly string[] | null): { texts: string[]; header: readonly string[] | null; table: boolean } {
    const rows = this.rows();
    const form = rows.every((r) => r.some((c, i) => i > 0 && c.startsWith(':')));
    if (form) return { texts: rows.map((r) => r.filter(Boolean).join(' ').replace(/\s+:\s*/, ': ')), header: lastHeader, table: false };
    const header = rows[0]!;
    if (this.entries.length > 1 && this.signatures()) {
      // A signature block: each column reads top to bottom.
      return { texts: this.columns.map((_, i) => rows.map((r) => r[i]).filter(Boolean).join(' ')).filter(Boolean), header: lastHeader, table: false };
    }
    if (ROW_NUMBER.test(header[0] ?? '') && lastHeader?.length === header.length) {
      return { texts: rows.map((r) => tableRowText(lastHeader, r)), header: lastHeader, table: true };
    }
    if (rows.length === 1) return { texts: [header.filter(Boolean).join(' ')], header: lastHeader, table: false };
    return { texts: rows.slice(1).map((r) => tableRowText(header, r)), header, table: true };
  }
}

const LIST_LINE = /^([•\-–*]|\d{1,2}[.)])\s+/;

/** Joins OCR lines split by a hyphen at the line end ('pemerin-' + 'tahan'). */
export function ocrLines(text: string): PageLine[] {
  const out: PageLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const t = raw.replace(/\s+/g, ' ').trim();
    const prev = out[out.length - 1];
    if (prev && prev.text.endsWith('-') && /^\p{Ll}/u.test(t)) out[out.length - 1] = { text: `${prev.text.slice(0, -1)}${t}`, size: 0 };
    else out.push({ text: t, size: 0 });
  }
  return out;
}

/**
 * Pages of lines into blocks: running heads, feet and page numbers removed, every line
 * through the boilerplate pass, headings are lines set larger than the body text, and a
 * line ending a sentence (or a gap) ends the paragraph.
 */
export function pagesToBlocks(pages: PageLine[][], cleaner: LineCleaner): { blocks: Block[]; firstHeading: string | null } {
  const texts = pages.map((p) => p.filter((l) => l.text));
  // The body size is read without the running lines (small type repeated on every page);
  // then headings, set larger than the body, are never taken for running lines.
  const sizes = dropRunningLines(texts, () => true).pages.flat().filter((l) => l.size > 0).flatMap((l) => Array<number>(l.text.length).fill(l.size));
  sizes.sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const isHeading = (l: PageLine) => body > 0 && l.size > body * 1.15 && l.text.length < 160;
  const running = dropRunningLines(texts, (l) => !isHeading(l));
  cleaner.count('header_footer', running.removed);
  const keptKeys = running.pages.map((p) => new Set(p));
  const headingSizes = [...new Set(running.pages.flat().filter(isHeading).map((l) => l.size))].sort((a, b) => b - a);
  const trail = new HeadingTrail();
  const blocks: Block[] = [];
  let firstHeading: string | null = null;
  let lastHeader: readonly string[] | null = null;
  pages.forEach((lines, i) => {
    let para: string[] = [];
    let kind: Block['kind'] = 'para';
    let columns = null as ColumnBlock | null;
    const flush = () => {
      const t = para.join(' ').replace(/\s+/g, ' ').trim();
      if (t) blocks.push({ text: t, headings: trail.path, page: i + 1, kind });
      para = [];
      kind = 'para';
    };
    const endColumns = () => {
      if (!columns) return;
      const out = columns.lines(lastHeader);
      lastHeader = out.header;
      for (const text of out.texts) {
        const kept = cleaner.line(text, 'list');
        if (kept) blocks.push({ text: kept, headings: trail.path, page: i + 1, kind: out.table ? 'table' : 'para' });
      }
      columns = null;
    };
    for (const l of lines) {
      if (!l.text) flush();
      if (!l.text || !keptKeys[i]!.has(l)) continue;
      if (columns?.takes(l) && !isHeading(l)) {
        columns.add(l);
        continue;
      }
      if (columns?.continues(l)) {
        columns.extend(l);
        continue;
      }
      endColumns();
      if (l.cells && !isHeading(l)) {
        flush();
        columns = new ColumnBlock({ ...l, cells: l.cells });
        continue;
      }
      if (isHeading(l)) {
        flush();
        const h = cleaner.line(l.text, 'heading');
        if (!h) continue;
        firstHeading ??= h;
        trail.enter(Math.min(headingSizes.indexOf(l.size) + 1, 6), h);
        continue;
      }
      const list = LIST_LINE.test(l.text);
      const kept = cleaner.line(l.text, list ? 'list' : 'para');
      if (kept === null) {
        flush();
        continue;
      }
      if (list) {
        flush();
        kind = 'list';
        para.push(kept.replace(/^[•*]\s+/, '- '));
        continue;
      }
      para.push(kept);
      // A line ending a sentence well short of the margin ends the paragraph.
      if (/[.!?:]$/.test(kept) && para.join(' ').length > 40) flush();
    }
    endColumns();
    flush();
  });
  return { blocks, firstHeading };
}
