import { HeadingTrail, type Block } from './blocks.ts';
import { dropRunningLines, LineCleaner } from './cleaner.ts';

/** One visual line of a page; `size` 0 for OCR text (no font size known), '' marks a paragraph gap. */
export interface PageLine {
  readonly text: string;
  readonly size: number;
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
      if (!l.text) flush();
      if (!l.text || !keptKeys[i]!.has(l)) continue;
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
    flush();
  });
  return { blocks, firstHeading };
}
