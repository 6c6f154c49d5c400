/**
 * A web page saved as plain text (copied from a browser, or exported by a clipping tool):
 * a masthead, a menu and a breadcrumb above the headline, the credits and date between the
 * headline and the article, and related links, tags, comments and copyright after it.
 * Finds the headline and the article's extent so the furniture is neither the title nor
 * quoted as content. Pure; the patterns state how Indonesian sites lay pages out.
 */
import { classifyLine, isDateStamp, isFooterMarker, isPageEndMarker, isPageFurniture, splitBylinePrefix } from './boilerplate.ts';
import { splitDateline } from './dates.ts';

export interface PageText {
  readonly title: string;
  /** Lines above the headline (masthead, menu, breadcrumb) and credits below it. */
  readonly header: readonly string[];
  /** The article, from its first paragraph, with its blank lines. */
  readonly body: string;
  /** Lines of the page's tail (related links, tags, comments, copyright) dropped. */
  readonly footer: number;
}

/** How far down the headline is looked for, in non-empty lines. */
const HEAD_LINES = 12;

/** Words of a line; a menu's separators and brackets ('Beranda | Makassar', '[ FOTO ]') are none. */
const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
const sentence = (s: string) => /[.!:;]["”’)]?$/.test(s.trim()) || /\.\s+\p{Lu}/u.test(s);

/** A line that may head an article: a few words, not a sentence, not furniture. */
function headlineLike(line: string): boolean {
  const t = line.trim();
  const n = words(t);
  return n >= 4 && n <= 30 && t.length <= 200 && !sentence(t) && !isDateStamp(t) && !isPageFurniture(t) && classifyLine(t) === null;
}

/** A line that introduces an article under its headline: a credit, a date stamp, or a dateline paragraph. */
function introLike(line: string): boolean {
  const t = line.trim();
  return isDateStamp(t) || classifyLine(t) === 'byline' || splitBylinePrefix(t) !== null || splitDateline(t) !== null || /\s[–—-]\s+\p{Lu}[\p{L}.]*\.(?:com|id|online|co\.id|net)\b/iu.test(t);
}

/** What follows line i, past menus and one short author line, introduces an article. */
function introduced(lines: readonly string[], i: number): boolean {
  let k = i + 1;
  while (k < lines.length && isPageFurniture(lines[k]!)) k++;
  if (k < lines.length && !introLike(lines[k]!) && words(lines[k]!) <= 5 && !sentence(lines[k]!)) k++;
  return k < lines.length && introLike(lines[k]!);
}

/** The breadcrumb's last step ('Home / Pemerintahan / <headline>'). */
function crumbTail(line: string): string | null {
  const steps = line.split(/\s+[/>›»]\s+/);
  return steps.length >= 3 ? steps.at(-1)!.trim() : null;
}

/** A page's non-empty lines as read for its layout: a page saved as Markdown marks its headline '## …' and its credits '**Redaksi**'. */
function layoutLines(raw: readonly string[]): { where: number[]; lines: string[] } {
  const where = raw.flatMap((l, i) => (l.trim() ? [i] : []));
  return { where, lines: where.map((i) => raw[i]!.trim().replace(/^#{1,6}\s+/, '').replace(/\*\*|__/g, '')) };
}

/** Where a page's tail (related links, tags, comments, copyright) begins: a marker in its last half that only short lines follow. */
function tailStart(lines: readonly string[], marks = isFooterMarker): number {
  for (let j = Math.floor(lines.length * 0.5); j < lines.length; j++) {
    if (marks(lines[j]!) && lines.slice(j).every((l) => words(l) <= 20)) return j;
  }
  return lines.length;
}

/**
 * A document read as written (Markdown with its title or front matter, plain text) that ends as a
 * web page does — from its tags, comments or copyright on: related links, comments, the site's
 * footer — without that tail. (A tail that opens with 'Baca juga' links is left to the Markdown walker.)
 */
export function withoutPageTail(text: string): { body: string; footer: number } {
  const raw = text.split(/\r?\n/);
  const { where, lines } = layoutLines(raw);
  const end = tailStart(lines, isPageEndMarker);
  return end === lines.length ? { body: text, footer: 0 } : { body: raw.slice(0, where[end]).join('\n'), footer: lines.length - end };
}

/**
 * The page's headline and article, or null when the text does not look like a saved page
 * (its first line is the headline, or no headline is followed by credits or a dateline).
 */
export function readPageText(text: string): PageText | null {
  const raw = text.split(/\r?\n/);
  const { where, lines } = layoutLines(raw);
  const crumbs = new Set(lines.slice(0, HEAD_LINES).map(crumbTail).filter((c): c is string => c !== null));
  // The headline the breadcrumb ends with, else the first headline-like line introduced by credits.
  // A menu's items, one per line ('Beranda', 'Hukum & Kriminal'), do not count against the lines looked at.
  let limit = 0;
  for (let seen = 0; limit < lines.length && seen < HEAD_LINES; limit++) if (words(lines[limit]!) > 3 || sentence(lines[limit]!)) seen++;
  // No sentence above it; a breadcrumb or menu, however long, is no sentence.
  const plausible = (i: number) => headlineLike(lines[i]!) && !lines.slice(0, i).some((l) => !isPageFurniture(l) && (words(l) > 16 || sentence(l)));
  let at = -1;
  // A heading the page marks as one ('## …' in a page saved as Markdown) is its headline.
  for (let i = 1; i < limit && at < 0; i++) if (/^#{1,6}\s/.test(raw[where[i]!]!.trim()) && plausible(i)) at = i;
  for (let i = 1; i < limit && at < 0; i++) if (crumbs.has(lines[i]!) && plausible(i)) at = i;
  for (let i = 1; i < limit && at < 0; i++) if (plausible(i) && introduced(lines, i)) at = i;
  if (at < 0) return null;
  // Credits between the headline and the article: an author line, a date stamp, share buttons.
  let start = at + 1;
  while (start < lines.length && start <= at + 5 && !(words(lines[start]!) >= 8 && sentence(lines[start]!)) && !splitDateline(lines[start]!)) start++;
  if (start > at + 5) start = at + 1;
  const end = tailStart(lines);
  const body = start < lines.length ? raw.slice(where[start], end < lines.length ? where[end] : raw.length).join('\n') : '';
  return { title: lines[at]!, header: [...lines.slice(0, at), ...lines.slice(at + 1, start)], body, footer: lines.length - end };
}
