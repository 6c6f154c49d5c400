import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { HeadingTrail, tableRowText, type Block, type LoadedDoc } from './blocks.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'footer', 'header', 'aside', 'form', 'svg', 'button', 'iframe']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'blockquote', 'pre', 'figcaption', 'dd', 'dt', 'address']);

/**
 * HTML (web pages, and DOCX converted by mammoth) into blocks. `<hr class="page-break">`
 * marks a page boundary (DOCX); navigation, scripts and footers are dropped.
 */
export function parseHtml(html: string, fallbackTitle: string, options: { pageBreaks?: boolean } = {}): LoadedDoc {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const trail = new HeadingTrail();
  const blocks: Block[] = [];
  let page = options.pageBreaks ? 1 : null;
  let firstH1: string | null = null;
  const push = (text: string, kind: Block['kind']) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) blocks.push({ text: t, headings: trail.path, page, kind });
  };

  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        push(child.text, 'para');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as HTMLElement;
      const tag = el.tagName?.toLowerCase() ?? '';
      if (SKIP.has(tag)) continue;
      const h = tag.match(/^h([1-6])$/);
      if (h) {
        const text = el.text.replace(/\s+/g, ' ').trim();
        if (!text) continue;
        if (h[1] === '1' && firstH1 === null) firstH1 = text;
        trail.enter(Number(h[1]), text);
      } else if (tag === 'hr') {
        if (page !== null && el.getAttribute('class')?.includes('page-break')) page++;
      } else if (tag === 'li') {
        const nested = el.querySelectorAll('ul, ol');
        if (nested.length === 0) push(el.text, 'list');
        else {
          const own = el.childNodes.filter((c) => !(c.nodeType === 1 && ['ul', 'ol'].includes((c as HTMLElement).tagName?.toLowerCase())));
          push(own.map((c) => c.text).join(' '), 'list');
          for (const n of nested) walk(n);
        }
      } else if (tag === 'table') {
        const rows = el.querySelectorAll('tr');
        const cells = (tr: HTMLElement) => tr.querySelectorAll('th, td').map((c) => c.text.replace(/\s+/g, ' ').trim());
        const first = rows[0];
        const header = first && first.querySelectorAll('th').length > 0 ? cells(first) : [];
        for (const tr of header.length ? rows.slice(1) : rows) push(tableRowText(header, cells(tr)), 'table');
      } else if (tag === 'p' || BLOCK.has(tag)) {
        const hasBlockChildren = el.childNodes.some(
          (c) => c.nodeType === 1 && /^(p|div|section|article|ul|ol|table|h[1-6]|hr|blockquote|main)$/i.test((c as HTMLElement).tagName ?? ''),
        );
        if (hasBlockChildren) walk(el);
        else push(el.text, 'para');
      } else if (tag === 'br') {
        continue;
      } else {
        walk(el);
      }
    }
  };
  const body = root.querySelector('body') ?? root;
  walk(body);
  const docTitle = root.querySelector('title')?.text.trim();
  // Merge adjacent inline fragments (text nodes split by <a>, <b> …) into paragraphs.
  const merged: Block[] = [];
  for (const b of blocks) {
    const prev = merged[merged.length - 1];
    if (prev && prev.kind === 'para' && b.kind === 'para' && prev.page === b.page && prev.headings.join() === b.headings.join() && !/[.!?:]$/.test(prev.text) && prev.text.length < 400) {
      merged[merged.length - 1] = { ...prev, text: `${prev.text} ${b.text}` };
    } else merged.push(b);
  }
  return { title: firstH1 ?? docTitle ?? fallbackTitle, blocks: merged, pageCount: page };
}
