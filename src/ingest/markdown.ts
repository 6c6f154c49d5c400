import { HeadingTrail, stripInline, tableRowText, type Block, type LoadedDoc } from './blocks.ts';

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => stripInline(c.trim()));
}

/**
 * Markdown (and plain text, which has no headings) into blocks: headings build the
 * path, list items and table rows stay whole, paragraphs are joined lines.
 */
export function parseMarkdown(text: string, fallbackTitle: string): LoadedDoc {
  const trail = new HeadingTrail();
  const blocks: Block[] = [];
  let title: string | null = null;
  let para: string[] = [];
  let item: string[] | null = null;
  let tableHeader: string[] | null = null;
  let inFence = false;

  const push = (t: string, kind: Block['kind']) => {
    const clean = t.replace(/\s+/g, ' ').trim();
    if (clean) blocks.push({ text: clean, headings: trail.path, page: null, kind });
  };
  const flush = () => {
    if (para.length) push(stripInline(para.join(' ')), 'para');
    if (item) push(stripInline(item.join(' ')), 'list');
    para = [];
    item = null;
  };

  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\t/g, '    ');
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      para.push(line);
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.+?)\s*#*\s*$/);
    if (heading) {
      flush();
      tableHeader = null;
      const h = stripInline(heading[2]!);
      if (heading[1]!.length === 1 && title === null) title = h;
      trail.enter(heading[1]!.length, h);
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flush();
      const cells = splitRow(line);
      if (cells.every((c) => /^:?-{2,}:?$/.test(c))) continue;
      if (tableHeader === null) {
        tableHeader = cells;
        continue;
      }
      push(tableRowText(tableHeader, cells), 'table');
      continue;
    }
    tableHeader = null;
    if (line.trim() === '' || /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      flush();
      continue;
    }
    const bullet = line.match(/^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/);
    if (bullet) {
      flush();
      item = [bullet[1]!];
      continue;
    }
    if (item && /^\s{2,}\S/.test(line)) {
      item.push(line.trim());
      continue;
    }
    if (item) flush();
    para.push(line.trim().replace(/^>\s?/, ''));
  }
  flush();
  return { title: title ?? fallbackTitle, blocks, pageCount: null };
}
