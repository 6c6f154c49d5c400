import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { HeadingTrail, tableRowText, type Block, type LoadedDoc } from './blocks.ts';
import { LineCleaner } from './cleaner.ts';

const IGNORED = new Set(['script', 'style', 'noscript', 'svg', 'template', 'iframe', 'button', 'input', 'select', 'textarea', 'img']);
/** Page furniture outside any article: dropped, its lines counted. */
const FURNITURE = new Set(['nav', 'footer', 'header', 'aside', 'form']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'blockquote', 'pre', 'figure', 'figcaption', 'dd', 'dt', 'dl', 'address', 'center', 'ul', 'ol', 'body', 'html']);

export interface HtmlWalk {
  readonly blocks: Block[];
  readonly firstH1: string | null;
  readonly docTitle: string | null;
  readonly pageCount: number | null;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Walks an HTML tree into blocks: inline content gathers into paragraphs, block elements end them. */
class HtmlWalker {
  readonly blocks: Block[] = [];
  firstH1: string | null = null;
  page: number | null;
  private readonly trail = new HeadingTrail();
  private inline = '';
  private afterCrosslink = false;

  constructor(
    private readonly cleaner: LineCleaner,
    pageBreaks: boolean,
  ) {
    this.page = pageBreaks ? 1 : null;
  }

  walk(node: Node, skip?: Node): void {
    for (const child of node.childNodes) {
      if (child === skip) continue;
      if (child.nodeType === 3) this.inline += child.text;
      else if (child.nodeType === 1) this.element(child as HTMLElement);
    }
  }

  /** Ends the paragraph being gathered; a <br> inside it separates lines, each cleaned. */
  flush(): void {
    const lines = this.inline.split('\n');
    this.inline = '';
    const kept: string[] = [];
    for (const l of lines) {
      const k = this.cleaner.line(squash(l), 'para');
      if (k === null && kept.length) this.push(kept.splice(0).join(' '), 'para');
      else if (k) kept.push(k);
    }
    if (kept.length) this.push(kept.join(' '), 'para');
    if (lines.some((l) => squash(l))) this.afterCrosslink = false;
  }

  private push(text: string, kind: Block['kind']): void {
    const t = squash(text);
    if (t) this.blocks.push({ text: t, headings: this.trail.path, page: this.page, kind });
  }

  private element(el: HTMLElement): void {
    const tag = el.tagName?.toLowerCase() ?? '';
    if (IGNORED.has(tag)) return;
    if (tag === 'br') {
      this.inline += '\n';
      return;
    }
    if (!BLOCK.has(tag) && !FURNITURE.has(tag) && !/^(h[1-6]|li|table|hr|details)$/.test(tag)) {
      this.walk(el);
      return;
    }
    this.flush();
    if (FURNITURE.has(tag)) this.furniture(el);
    else if (/^h[1-6]$/.test(tag)) this.heading(Number(tag[1]), squash(el.text));
    else if (tag === 'hr') {
      if (this.page !== null && el.getAttribute('class')?.includes('page-break')) this.page++;
    } else if (tag === 'li') this.listItem(el);
    else if (tag === 'table') this.table(el);
    else if (tag === 'details') this.details(el);
    else {
      this.walk(el);
      this.flush();
    }
  }

  private furniture(el: HTMLElement): void {
    const counter = new HtmlWalker(new LineCleaner(), false);
    counter.walk(el);
    counter.flush();
    this.cleaner.count('outside_article', counter.blocks.length);
  }

  private heading(level: number, text: string): void {
    if (!text) return;
    const kept = this.cleaner.line(text, 'heading');
    this.afterCrosslink = kept === null;
    if (!kept) return;
    if (level === 1 && this.firstH1 === null) this.firstH1 = kept;
    this.trail.enter(level, kept);
  }

  /**
   * A disclosure block (a page's questions and answers: '<details><summary>Siapa …?</summary><p>…</p>'):
   * its summary heads what it discloses, one level below the heading it sits under, and only there.
   */
  private details(el: HTMLElement): void {
    const summary = el.childNodes.find((c): c is HTMLElement => c.nodeType === 1 && (c as HTMLElement).tagName?.toLowerCase() === 'summary');
    const depth = this.trail.depth;
    if (summary) this.heading(this.trail.below, squash(summary.text));
    this.walk(el, summary);
    this.flush();
    this.trail.restore(depth);
  }

  private listItem(el: HTMLElement): void {
    const nested = el.querySelectorAll('ul, ol');
    const own = nested.length === 0 ? el.text : el.childNodes.filter((c) => !(c.nodeType === 1 && /^(ul|ol)$/i.test((c as HTMLElement).tagName ?? ''))).map((c) => c.text).join(' ');
    const text = squash(own);
    const links = el.querySelectorAll('a');
    if (this.afterCrosslink && nested.length === 0 && links.length === 1 && squash(links[0]!.text) === text) this.cleaner.count('crosslink');
    else {
      const kept = text ? this.cleaner.line(text, 'list') : null;
      if (kept) this.push(kept, 'list');
    }
    for (const n of nested) this.walk(n);
  }

  private table(el: HTMLElement): void {
    const rows = el.querySelectorAll('tr');
    const cells = (tr: HTMLElement) => tr.querySelectorAll('th, td').map((c) => squash(c.text));
    const first = rows[0];
    const header = first && first.querySelectorAll('th').length > 0 ? cells(first) : [];
    for (const tr of header.length ? rows.slice(1) : rows) this.push(tableRowText(header, cells(tr)), 'table');
  }
}

/** Walks HTML (a whole page, an extracted article, or DOCX converted by mammoth) into blocks. */
export function walkHtml(html: string, options: { pageBreaks?: boolean; cleaner?: LineCleaner } = {}): HtmlWalk {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const walker = new HtmlWalker(options.cleaner ?? new LineCleaner(), options.pageBreaks ?? false);
  walker.walk(root.querySelector('body') ?? root);
  walker.flush();
  return { blocks: walker.blocks, firstH1: walker.firstH1, docTitle: squash(root.querySelector('title')?.text ?? '') || null, pageCount: walker.page };
}

/**
 * HTML as it stands, without looking for an article: DOCX converted by mammoth
 * (`<hr class="page-break">` marks a page) and pages without one.
 */
export function parseHtml(html: string, fallbackTitle: string, options: { pageBreaks?: boolean } = {}): LoadedDoc {
  const cleaner = new LineCleaner();
  const w = walkHtml(html, { ...options, cleaner });
  return {
    title: w.firstH1 ?? w.docTitle ?? fallbackTitle,
    blocks: cleaner.withCaptions(w.blocks),
    pageCount: w.pageCount,
    removed: cleaner.removed,
    meta: { publishedAt: cleaner.publishedAt, place: cleaner.place },
  };
}
