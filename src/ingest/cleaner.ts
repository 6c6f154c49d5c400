import { classifyLine, isDateStamp, photoCaption, splitBylinePrefix, withoutTrailingInitials, type LineKind, type RemovedCounts, type RemovedKind } from './boilerplate.ts';
import { captionBlocks, type Block } from './blocks.ts';
import { findDate, splitDateline } from './dates.ts';

/** Content paragraphs at the top of a document where a dateline or a date stamp is looked for. */
const TOP_PARAGRAPHS = 2;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** A line as a key that ignores case, spacing and numbers (page numbers, dates in running heads). */
export function lineKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * The boilerplate pass every loader runs its lines through: removes credits, cross-links,
 * share prompts and advertising labels (counting each kind), and reads the dateline at
 * the top of the document into `place` and `publishedAt` while keeping its sentence.
 */
export class LineCleaner {
  readonly removed: RemovedCounts = {};
  publishedAt: string | null = null;
  place: string | null = null;
  /** Every line seen, with the kind it was removed as (null: kept), for callers comparing two passes. */
  readonly log: Array<{ key: string; kind: RemovedKind | null }> = [];
  /** Photo captions without their label and credit: kept, to follow the text (see `withCaptions`). */
  readonly captions: string[] = [];
  private paragraphs = 0;

  count(kind: RemovedKind, n = 1): void {
    if (n > 0) this.removed[kind] = (this.removed[kind] ?? 0) + n;
  }

  /** The text to keep (without its dateline), or null when the line is boilerplate. */
  line(text: string, where: LineKind = 'para'): string | null {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t) return '';
    const top = this.paragraphs < TOP_PARAGRAPHS;
    const classified = classifyLine(t, where) ?? (top && where === 'para' && isDateStamp(t) ? 'byline' : null);
    // A photo's caption, however long, leaves the text it interrupts and follows it (see `withCaptions`).
    const kind = where === 'para' && (classified === null || classified === 'credit') && this.keepCaption(t) ? 'credit' : classified;
    this.log.push({ key: lineKey(t), kind });
    if (kind) {
      if (kind === 'byline' && top) this.publishedAt ??= findDate(t);
      this.count(kind);
      return null;
    }
    let out = t;
    if (top && where === 'para') {
      const fused = splitBylinePrefix(out);
      if (fused) {
        this.count('byline');
        this.publishedAt ??= fused.date;
        out = fused.rest;
      }
      const dateline = this.place === null ? splitDateline(out) : null;
      if (dateline) {
        this.place = dateline.place;
        if (dateline.date) this.publishedAt = dateline.date;
        out = dateline.rest;
      }
    }
    const unsigned = where === 'para' ? withoutTrailingInitials(out) : null;
    if (unsigned !== null) {
      this.count('byline');
      out = unsigned;
    }
    // A paragraph of the article ends as a sentence does; a top bar ('Jumat, 9 November 2018 FB TW IG Masuk') or a
    // ticker of headlines does not, and leaves the credits below it at the top.
    if (where === 'para' && wordCount(out) >= 6 && /[.!?"”’)]\s*$/.test(out)) this.paragraphs++;
    return out;
  }

  /** Lines that frame a page rather than say anything: counted, and read for the page's date. */
  furniture(lines: readonly string[]): void {
    for (const l of lines) {
      // A saved page's credits may keep their Markdown emphasis ('*Rabu, 9 Mei 2018 | 08.40 WIB*').
      const t = l.replace(/\s+/g, ' ').trim().replace(/^[*_]+|[*_]+$/g, '').trim();
      const kind = classifyLine(t) ?? (isDateStamp(t) || splitBylinePrefix(t) ? 'byline' : 'header_footer');
      // A date among the credits above the article ('Tyas Wulandari · Selasa, 13 Juni 2023 · Pemerintahan') is the page's.
      if (kind === 'byline' || t.length <= 120) this.publishedAt ??= findDate(t);
      this.keepCaption(t);
      this.count(kind);
    }
  }

  /** A photo's caption among credits or furniture: what it says is kept, its label and credit are not. */
  private keepCaption(line: string): boolean {
    const said = photoCaption(line);
    if (said && !this.captions.includes(said)) this.captions.push(said);
    return said !== null;
  }

  /** The blocks, followed by the captions this pass kept that they do not already say. */
  withCaptions(blocks: readonly Block[]): Block[] {
    return [...blocks, ...captionBlocks(blocks, this.captions)];
  }

  /** Adds another pass's counts (e.g. lines outside a web page's article). */
  merge(counts: RemovedCounts): void {
    for (const [k, n] of Object.entries(counts) as Array<[RemovedKind, number]>) this.count(k, n);
  }
}

const PAGE_NUMBER = /^(?:(?:halaman|hal\.?|hlm\.?|page)\s*\d+(?:\s*(?:dari|of|\/)\s*\d+)?|[-–—]?\s*\d{1,4}\s*[-–—]?|\d{1,4}\s*\/\s*\d{1,4})$/iu;

/**
 * Running heads, feet and page numbers of a paged document: lines within the first or
 * last `edge` lines of a page that recur (numbers aside) on at least half of the pages
 * (three pages at least), and lines that are only a page number. Lines `mayRun` rejects
 * (headings set larger than the text) are never running lines. Returns the pages
 * without them and how many lines were removed.
 */
export function dropRunningLines<T extends { text: string }>(pages: T[][], mayRun: (line: T) => boolean, edge = 3): { pages: T[][]; removed: number } {
  const seenOn = new Map<string, number>();
  const edgeKeys = (lines: T[]) => new Set([...lines.slice(0, edge), ...lines.slice(-edge)].filter(mayRun).map((l) => lineKey(l.text)));
  for (const lines of pages) for (const k of edgeKeys(lines)) seenOn.set(k, (seenOn.get(k) ?? 0) + 1);
  const threshold = Math.max(3, Math.ceil(pages.length / 2));
  let removed = 0;
  const out = pages.map((lines) =>
    lines.filter((l, i) => {
      const atEdge = i < edge || i >= lines.length - edge;
      const running = atEdge && mayRun(l) && (PAGE_NUMBER.test(l.text.trim()) || (seenOn.get(lineKey(l.text)) ?? 0) >= threshold);
      if (running) removed++;
      return !running;
    }),
  );
  return { pages: out, removed };
}
