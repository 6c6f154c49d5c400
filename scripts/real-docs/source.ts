/**
 * The source format of the generated documents of the real-shaped evaluation set
 * (eval/real/src/**.md), described in eval/real/README.md ("Sources of the generated files").
 * Line-based: every source line is one printed line or paragraph, because official letters,
 * regulations and decrees are laid out line by line (centred titles, "Nomor : …" rows, an
 * address block, a signature block on the right), not as flowing Markdown prose.
 */

export type Line =
  | { kind: 'h1' | 'h2' | 'center-bold' | 'center' | 'right'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'item'; marker: string; text: string }
  | { kind: 'kv'; label: string; value: string }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'rule' | 'pagebreak' | 'blank' };

export interface Source {
  /** Path below eval/real/src without the extension, e.g. `edaran/undangan-…`. */
  readonly name: string;
  readonly format: 'pdf' | 'docx' | 'scan';
  readonly title: string;
  readonly author: string;
  /** Text of the round stamp drawn over the signature of a scanned decree. */
  readonly stamp: string | null;
  readonly lines: Line[];
}

const ITEM = /^(-|\d{1,2}\.|[a-z]\.|\(\d{1,2}\))\s+(.+)$/;
const PREFIXES: Array<[string, Line['kind']]> = [
  ['# ', 'h1'], ['## ', 'h2'], ['^^ ', 'center-bold'], ['^ ', 'center'], ['>> ', 'right'],
];

/** The text a reader sees in a parsed source, one line per source line (the text facts are checked against). */
export function plainText(src: Source): string {
  const text = (l: Line): string => {
    switch (l.kind) {
      case 'item':
        return `${l.marker} ${l.text}`;
      case 'kv':
        return `${l.label} : ${l.value}`;
      case 'table':
        return l.rows.map((r) => r.join(' | ')).join('\n');
      case 'rule':
      case 'pagebreak':
      case 'blank':
        return '';
      default:
        return l.text;
    }
  };
  return src.lines.map(text).join('\n').replace(/\*\*/g, '');
}

function parseLine(raw: string): Line | null {
  const line = raw.trimEnd();
  if (!line.trim()) return { kind: 'blank' };
  if (/^<!--\s*pagebreak\s*-->$/i.test(line.trim())) return { kind: 'pagebreak' };
  if (line.trim() === '---') return { kind: 'rule' };
  if (line.trim() === '>>') return { kind: 'right', text: '' };
  for (const [prefix, kind] of PREFIXES) if (line.startsWith(prefix)) return { kind, text: line.slice(prefix.length).trim() } as Line;
  const kv = line.match(/^::\s*([^|]*)\|\s*(.*)$/);
  if (kv) return { kind: 'kv', label: kv[1]!.trim(), value: kv[2]!.trim() };
  const item = line.match(ITEM);
  if (item) return { kind: 'item', marker: item[1]!, text: item[2]! };
  return null;
}

/** Parses a source file; returns null when its first line names no format. */
export function parseSource(name: string, text: string): Source | null {
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  const meta: Record<string, string> = {};
  let i = 0;
  for (let m; i < rows.length && (m = rows[i]!.trim().match(/^<!--\s*(format|title|author|stamp):\s*(.*?)\s*-->$/)); i++) meta[m[1]!] = m[2]!;
  if (meta.format !== 'pdf' && meta.format !== 'docx' && meta.format !== 'scan') return null;
  const lines: Line[] = [];
  for (; i < rows.length; i++) {
    const raw = rows[i]!;
    const last = lines[lines.length - 1];
    if (raw.trim().startsWith('|')) {
      const cells = raw.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
      if (cells.every((c) => /^:?-{2,}:?$/.test(c))) continue;
      if (last?.kind === 'table') last.rows.push(cells);
      else lines.push({ kind: 'table', rows: [cells] });
      continue;
    }
    lines.push(parseLine(raw) ?? { kind: 'para', text: raw.trim() }); // one source line, one printed paragraph
  }
  const title = meta.title ?? name;
  return { name, format: meta.format, title, author: meta.author ?? 'Pandu (dokumen evaluasi)', stamp: meta.stamp ?? null, lines };
}
