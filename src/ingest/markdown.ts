import { HeadingTrail, stripInline, tableRowText, type Block, type LoadedDoc } from './blocks.ts';
import { isFooterMarker } from './boilerplate.ts';
import { LineCleaner } from './cleaner.ts';

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => stripInline(c.trim()));
}

const LINK_ONLY = /^\s*(?:\[[ xX]\]\s+)?\[[^\]]+\]\([^)]*\)\s*$/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s+\S+/;
const COMMENT_LINE = /^\s*<!--.*-->\s*$/;
const FENCE = /^\s*(```|~~~)/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const BREAK = /^\s*(-{3,}|\*{3,}|_{3,})?\s*$/;
const BULLET = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;

/** Walks Markdown line by line; each line kind has its own small handler. */
class MarkdownWalker {
  readonly blocks: Block[] = [];
  title: string | null = null;
  private readonly trail = new HeadingTrail();
  private para: string[] = [];
  private item: string[] | null = null;
  private tableHeader: string[] | null = null;
  private inFence = false;
  // After a removed 'Berita terkait' heading, a list of bare links is the related-articles list.
  private afterCrosslink = false;

  constructor(private readonly cleaner: LineCleaner) {}

  line(raw: string): void {
    const line = raw.replace(/\t/g, '    ');
    if (FENCE.test(line)) {
      this.flush();
      this.inFence = !this.inFence;
    } else if (this.inFence) this.para.push(line);
    else if (COMMENT_LINE.test(line) || LINK_DEFINITION.test(line)) return;
    else if (this.headingLine(line)) return;
    else if (TABLE_ROW.test(line)) this.tableRow(line);
    else {
      this.tableHeader = null;
      if (BREAK.test(line)) this.flush();
      else this.textLine(line);
    }
  }

  flush(): void {
    if (this.para.length) this.push(stripInline(this.para.join(' ')), 'para');
    if (this.item) this.push(stripInline(this.item.join(' ')), 'list');
    this.para = [];
    this.item = null;
  }

  private push(t: string, kind: Block['kind']): void {
    const clean = t.replace(/\s+/g, ' ').trim();
    if (clean) this.blocks.push({ text: clean, headings: this.trail.path, page: null, kind });
  }

  /** ATX ('## Judul') and setext ('Judul' over '====') headings. */
  private headingLine(line: string): boolean {
    const atx = line.match(/^(#{1,6})\s+(.+?)\s*#*\s*$/);
    const setext = this.para.length === 1 && !this.item ? line.match(/^\s*(=+|-+)\s*$/) : null;
    if (!atx && !setext) return false;
    const level = atx ? atx[1]!.length : setext![1]![0] === '=' ? 1 : 2;
    const raw = atx ? atx[2]! : this.para[0]!;
    if (setext) this.para = [];
    this.flush();
    this.tableHeader = null;
    const h = this.cleaner.line(stripInline(raw), 'heading');
    this.afterCrosslink = h === null;
    if (!h) return true;
    if (level === 1 && this.title === null) this.title = h;
    this.trail.enter(level, h);
    return true;
  }

  private tableRow(line: string): void {
    this.flush();
    const cells = splitRow(line);
    if (cells.every((c) => /^:?-{2,}:?$/.test(c))) return;
    if (this.tableHeader === null) this.tableHeader = cells;
    else this.push(tableRowText(this.tableHeader, cells), 'table');
  }

  private textLine(line: string): void {
    const bullet = line.match(BULLET);
    if (bullet) {
      this.flush();
      if (this.afterCrosslink && LINK_ONLY.test(bullet[1]!)) this.cleaner.count('crosslink');
      else {
        const kept = this.cleaner.line(stripInline(bullet[1]!), 'list');
        if (kept) this.item = [kept];
      }
      return;
    }
    if (this.item && /^\s{2,}\S/.test(line)) {
      this.item.push(line.trim());
      return;
    }
    if (this.item) this.flush();
    const text = stripInline(line.trim().replace(/^>\s?/, ''));
    const kept = this.cleaner.line(text, 'para');
    // A removed 'Baca Juga' or 'Berita Terkait' line, not only a heading, announces a list of links.
    this.afterCrosslink = kept === null && isFooterMarker(text);
    if (kept === null) this.flush();
    else if (kept) this.para.push(kept);
  }
}

/**
 * Markdown (and plain text) into blocks: headings build the path, list items and table
 * rows stay whole, paragraphs are joined lines. Every line goes through the boilerplate
 * pass; no Markdown syntax is left in the text.
 */
export function parseMarkdown(text: string, fallbackTitle: string, cleaner = new LineCleaner()): LoadedDoc {
  const walker = new MarkdownWalker(cleaner);
  for (const raw of text.split(/\r?\n/)) walker.line(raw);
  walker.flush();
  return {
    title: walker.title ?? fallbackTitle,
    blocks: cleaner.withCaptions(walker.blocks),
    pageCount: null,
    removed: cleaner.removed,
    meta: { publishedAt: cleaner.publishedAt, place: cleaner.place },
  };
}
