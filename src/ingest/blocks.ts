/** What every loader produces: text blocks with their heading path and page. */
export interface Block {
  readonly text: string;
  readonly headings: readonly string[];
  readonly page: number | null;
  readonly kind: 'para' | 'list' | 'table';
}

export interface LoadedDoc {
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly pageCount: number | null;
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
}

/** Removes inline Markdown: emphasis, code ticks, links and images keep their text. */
export function stripInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim();
}

/** 'Kolom: nilai; …' for a table row, so a row makes sense without its header. */
export function tableRowText(header: readonly string[], cells: readonly string[]): string {
  if (header.length === 0) return cells.join(' | ');
  return cells
    .map((c, i) => (header[i] && c ? `${header[i]}: ${c}` : c))
    .filter(Boolean)
    .join('; ');
}
