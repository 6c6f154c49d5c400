import type { RemovedCounts } from './boilerplate.ts';

/** What every loader produces: text blocks with their heading path and page. */
export interface Block {
  readonly text: string;
  readonly headings: readonly string[];
  readonly page: number | null;
  readonly kind: 'para' | 'list' | 'table';
}

/** What a document says about itself: its dateline (or front matter) and public address. */
export interface DocMeta {
  /** ISO date 'YYYY-MM-DD'. */
  readonly publishedAt?: string | null;
  readonly place?: string | null;
  readonly url?: string | null;
}

export interface LoadedDoc {
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly pageCount: number | null;
  readonly meta?: DocMeta;
  /** Lines removed as boilerplate, per kind. */
  readonly removed?: RemovedCounts;
  /** Pages read with OCR (1-based). */
  readonly ocrPages?: readonly number[];
  /** Pages without a text layer left unread because OCR is not available here. */
  readonly unreadPages?: readonly number[];
}

/** Tracks the heading path while a loader walks a document. */
export class HeadingTrail {
  private readonly stack: Array<{ level: number; text: string }> = [];

  enter(level: number, text: string): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    this.stack.push({ level, text: text.trim() });
  }

  get path(): string[] {
    return this.stack.map((h) => h.text);
  }

  /** The level a heading one below the current one takes (1 when there is none). */
  get below(): number {
    return (this.stack[this.stack.length - 1]?.level ?? 0) + 1;
  }

  /** How deep the trail is now, to come back to with `restore`. */
  get depth(): number {
    return this.stack.length;
  }

  restore(depth: number): void {
    this.stack.length = Math.min(this.stack.length, depth);
  }
}

const ENTITIES: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/**
 * Removes inline Markdown and HTML so that no syntax reaches an answer: task-list boxes,
 * emphasis, strike-through, code ticks, links, images and footnote marks keep their text,
 * escapes and entities become the characters they stand for.
 */
export function stripInline(s: string): string {
  return decodeEntities(
    s
      .replace(/^\s*\[[ xX]\]\s+/, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[\^[^\]]+\]/g, '')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, '$1')
      .replace(/<!--.*?-->/g, '')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1')
      .replace(/~~(.+?)~~/g, '$1')
      .replace(/`+([^`]+)`+/g, '$1')
      .replace(/\*\*|__/g, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1'),
  ).trim();
}

/** Photo captions as paragraphs to follow the text, leaving out those the blocks already say. */
export function captionBlocks(blocks: readonly Block[], captions: readonly string[]): Block[] {
  const have = blocks.map((b) => b.text.replace(/\s+/g, ' ')).join(' ');
  return captions.filter((c) => !have.includes(c.slice(0, 60))).map((text): Block => ({ text, headings: [], page: null, kind: 'para' }));
}

// Generic names of a two-column table's columns when its rows are labelled values ('Unsur | Keterangan':
// 'Tempat | Ruang Rapat Setda'): the first names an item, the second what it is.
const ITEM_COLUMN = /^(?:unsur|uraian|hal|komponen|aspek|item|butir|rincian|parameter|data|informasi|kegiatan|keterangan)$/iu;
const VALUE_COLUMN = /^(?:keterangan|uraian|isi|rincian|nilai|deskripsi|penjelasan|informasi|detail|data)$/iu;

/**
 * 'Kolom: nilai; …' for a table row, so a row makes sense without its header; a row of a table of
 * labelled values reads as a form's line ('Tempat: Ruang Rapat Setda').
 */
export function tableRowText(header: readonly string[], cells: readonly string[]): string {
  if (header.length === 0) return cells.join(' | ');
  if (header.length === 2 && cells.length === 2 && ITEM_COLUMN.test(header[0]!.trim()) && VALUE_COLUMN.test(header[1]!.trim()) && cells[0] && cells[1]) {
    return `${cells[0]}: ${cells[1]}`;
  }
  return cells
    .map((c, i) => (header[i] && c ? `${header[i]}: ${c}` : c))
    .filter(Boolean)
    .join('; ');
}
