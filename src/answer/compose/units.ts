import { headingParts, type SearchHit } from '../../retrieval/index.ts';
import { MONTH_SPELLINGS, sentences } from '../../language/index.ts';
import { introducesList, isInlineList } from './values.ts';

/** A list line: bullet, number (the last one may follow 'dan'/'atau': 'dan d. …'), or a 'Label: value;' row. */
export const LIST_LINE = /^([-•*▪◦●]\s|(?:(?:dan|atau)\s+)?(?:\d{1,2}|[a-z])[.)]\s)|^[^:]{2,40}: [^;]+;/;

/** One quotable piece of a passage: a sentence of prose, or a list line. */
export interface Unit {
  readonly text: string;
  /** Position in its passage. */
  readonly at: number;
  readonly item: boolean;
  /** Written with its bullet or number: a line without one ends such a list. */
  readonly bulleted?: boolean;
}

/** A passage read as units: list lines whole, prose split into sentences (abbreviation-aware). */
export function unitsOf(text: string): Unit[] {
  const out: Unit[] = [];
  // A decree's table puts each article's text after a colon whose label ('KEEMPAT') stands in another column: the colon is no part of it.
  const lines = splitNumberedRows(joinCapitalLines(joinSignatures(joinWrappedLines(text.split('\n').map((l) => l.trim().replace(/^:\s+(?=\S)/, '')).filter(Boolean)))).flatMap(splitInlineItems));
  lines.forEach((l, i) => {
    // 'Fondasi: …', 'Kesiapan anggaran: …' on consecutive lines: a list of labelled items.
    const labelled = LABELLED.test(l) && (LABELLED.test(lines[i - 1] ?? '') || LABELLED.test(lines[i + 1] ?? ''));
    if (labelled || isRow(lines, i) || isItem(l, out.at(-1))) out.push({ text: l, at: out.length, item: true, bulleted: LIST_LINE.test(l) });
    else for (const s of sentences(l)) if (s.length >= 3) out.push({ text: s, at: out.length, item: false });
  });
  return out;
}

/**
 * A table row that a scan or a copied page gives without its rules: its number, then its cells
 * ('4 Anggota Kepala Dinas Pariwisata'). Not a date ('1 Juni 2023 …').
 */
const MONTHS = MONTH_SPELLINGS.flat().join('|');
const ROW = new RegExp(`^(\\d{1,2}) (?!(?:${MONTHS})\\b)[\\p{L}(]`, 'iu');
const rowNumber = (line: string | undefined): number | null => {
  const m = line === undefined ? null : ROW.exec(line);
  return m ? Number(m[1]) : null;
};

/** A row is one of a numbered run: the line before it holds the number before, or the line after the number after. */
function isRow(lines: readonly string[], i: number): boolean {
  const n = rowNumber(lines[i]);
  return n !== null && (rowNumber(lines[i - 1]) === n - 1 || rowNumber(lines[i + 1]) === n + 1);
}

/**
 * Rows that a scan read onto one line ('6 Anggota Kepala Dinas Perikanan 7 Anggota Kepala Dinas
 * Perhubungan') are split before each next number, when the run goes on around them.
 */
function splitNumberedRows(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let n = rowNumber(line);
    if (n === null || rowNumber(out.at(-1)) !== n - 1) {
      out.push(line);
      continue;
    }
    let rest = line;
    for (;;) {
      const next = new RegExp(`\\s${n + 1} (?=\\p{Lu})`, 'u').exec(rest);
      if (!next || next.index === 0) break;
      out.push(rest.slice(0, next.index).trim());
      rest = rest.slice(next.index).trim();
      n += 1;
    }
    out.push(rest);
  }
  return out;
}

/** The marker after 'a'/'1' in a sequence: 'b', '2'. */
const nextMarker = (m: string) => (/\d/.test(m) ? String(Number(m) + 1) : String.fromCharCode(m.charCodeAt(0) + 1));

/**
 * Items a PDF runs together on one line ('… meliputi: a. layanan …; b. kanal …; dan c. sistem …')
 * are read as the list they are: split after the announcing colon and before each next marker
 * of the sequence after a ';'.
 */
function splitInlineItems(line: string): string[] {
  const first = /(?:^|:\s+)(a|1)[.)]\s/.exec(line);
  if (!first) return [line];
  const out: string[] = [];
  const start = first.index + first[0].indexOf(first[1]!);
  if (start > 0) out.push(line.slice(0, start).trim());
  let from = start;
  let marker = first[1]!;
  for (;;) {
    const next = nextMarker(marker);
    const re = new RegExp(`;\\s+(?:dan\\s+|atau\\s+)?(${next})[.)]\\s`, 'g');
    re.lastIndex = from;
    const m = re.exec(line);
    if (!m) break;
    out.push(line.slice(from, m.index + 1).trim());
    from = m.index + m[0].indexOf(next, 1);
    marker = next;
  }
  // A list opened after a colon ('Menimbang : a. bahwa …') starts its items there, even when they continue on the next lines.
  if (from === start && start === 0) return [line];
  out.push(line.slice(from).trim());
  return out;
}

/** Words a sentence cannot end on: a line ending so was cut by the page width. */
const UNFINISHED = /(?:^|\s)(?:dan|atau|serta|yang|di|ke|dari|pada|untuk|dengan|oleh|dalam|bagi|terhadap|tentang|sebagai|akibat|karena|bahwa)$/iu;

/**
 * A sentence that a PDF or scan wrapped over lines is read as one: a line that ends without
 * punctuation and runs on into a lower-case line, or stops on a word no sentence ends with
 * ('… dibebankan / pada Anggaran …', '… Penelitian dan / Pengembangan Daerah').
 */
function joinWrappedLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const prev = out.at(-1);
    const runsOn = prev !== undefined && !/[.!?:;]$/.test(prev) && !CAPITAL_LINE.test(prev) && !LIST_LINE.test(l)
      && (/^\p{Ll}/u.test(l) || UNFINISHED.test(prev));
    if (runsOn) out[out.length - 1] = `${prev} ${l}`;
    else out.push(l);
  }
  return out;
}

/** Text in capitals only, of up to `most` characters. */
const capitals = (most: number) => new RegExp(`^(?=.*\\p{Lu}.*\\p{Lu})[^\\p{Ll}]{2,${most}}$`, 'u');
/** A line written in capitals only: part of a regulation's title block ('PERATURAN WALI KOTA SOLOK', 'NOMOR 9 TAHUN 2023'). */
const CAPITAL_LINE = capitals(100);
/** A unit written in capitals only (joined title lines too): a title block, or a table's title ('DAFTAR QUICK WIN … TAHUN 2025'). */
const CAPITAL_UNIT = capitals(400);
export const isCapitalUnit = (text: string): boolean => CAPITAL_UNIT.test(text);

/** A table's row as loaders write it ('No: 1; Dimensi: …; Quick Win: …'), or numbered without its rules ('4 Anggota Kepala …'). */
export const isTableRow = (text: string): boolean => /^[^:;]{1,40}: [^;]+; /.test(text) || rowNumber(text) !== null;

/** A signature's mark on a line of its own: 'ttd.', 'TTD', 'Tertanda'. */
const SIGN_MARK = /^(?:ttd|t\.t\.d|tertanda)\.?$/iu;

/**
 * A signature block read as one line: the office closing with a comma, the mark and the name
 * ('BUPATI WONOSOBO, ttd. EKO PURNOMO'), so 'yg ttd siapa?' finds the name with the mark.
 */
function joinSignatures(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!SIGN_MARK.test(l) || i + 1 >= lines.length) {
      out.push(l);
      continue;
    }
    const office = out.length > 0 && /,$/.test(out[out.length - 1]!) ? `${out.pop()!} ` : '';
    out.push(`${office}${l} ${lines[++i]!}`);
  }
  return out;
}

/**
 * Consecutive capital lines are one unit: a title block says one thing ('PERATURAN WALI KOTA SOLOK /
 * NOMOR 9 TAHUN 2023 / TENTANG / SATU DATA'), which its lines cut apart.
 */
function joinCapitalLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) out.push(run.join(' '));
    run = [];
  };
  for (const l of lines) {
    if (CAPITAL_LINE.test(l) && !LIST_LINE.test(l)) run.push(l);
    else {
      flush();
      out.push(l);
    }
  }
  flush();
  return out;
}

const LABELLED = /^[\p{Lu}\d][^:.!?]{1,40}: \S/u;

/**
 * A list line: with its bullet or number, a line ending in ';' (loaders drop the bullets), or a
 * single short line right after an announcing line or another item.
 */
function isItem(line: string, prev: Unit | undefined): boolean {
  if (LIST_LINE.test(line) || /;\s*$/.test(line)) return true;
  if (prev?.bulleted) return false;
  // 'MEMUTUSKAN:' after a preamble's items announces what follows: it opens a list, it ends the one before.
  if (/:\s*$/.test(line)) return false;
  const afterList = prev !== undefined && (prev.item || /:\s*$/.test(prev.text));
  // A paragraph of whole sentences after items that are names ('Kota Medan', 'Kabupaten Sragen') is the text
  // going on after the list, not one more item.
  if (prev?.item && prev.text.length <= SHORT_ITEM && /[\p{L}\p{N})]\s*$/u.test(prev.text) && SENTENCE_END.test(line) && line.length > SHORT_ITEM) return false;
  return afterList && line.length < 400 && (/^\p{Ll}/u.test(line) || sentences(line).length <= 3);
}

/** A line ending as a sentence does. */
const SENTENCE_END = /[.!?]["”’)]?\s*$/;
/** An item this long may be a sentence or a form's line; a name is shorter. */
const SHORT_ITEM = 80;

/** Sentences that lean on the one before: a pronoun or 'this/that …' subject, a connective. */
const LEANS = /^(ia|dia|beliau|mereka|salah (?:satu|seorang)(?:nya| (?:di ?antaranya|dari mereka))?\b|di ?antaranya|hal (ini|itu|tersebut)|ini|itu|tersebut|selain itu|namun|akan tetapi|tetapi|sementara itu|oleh karena itu|karena itu|dengan demikian|adapun|kemudian|lalu|setelah itu|sebelumnya|selanjutnya|keduanya|ketiganya|pihaknya|(\p{L}+\s){0,2}(ini|itu|tersebut)\b)/iu;

/** …or whose subject, after an opening clause, is one: 'Selain juara kategori …, kota ini memenangi …'. */
const LEANS_AFTER_CLAUSE = /^[^,.;:]{3,120},\s*(?:ia|dia|beliau|mereka|pihaknya|(?:kota|kabupaten|daerah|provinsi|negara|pemerintah|lembaga|perusahaan|tim|program|kegiatan|acara) (?:ini|itu|tersebut))\s+\p{L}/iu;

export function leansOnPrevious(unit: string): boolean {
  const t = unit.trim();
  // 'ttd. TIMBUL PRIHANJOKO' signs for the office written above it.
  return LEANS.test(t) || LEANS_AFTER_CLAUSE.test(t) || /^(?:ttd|TTD|Ttd)\.?\s/.test(t);
}

/** The whole enumeration a unit belongs to or announces: its intro and its items, in order. */
export function enumerationAround(units: readonly Unit[], at: number): { from: number; to: number } | null {
  const u = units[at];
  if (!u) return null;
  if (!u.item && isInlineList(u.text)) return { from: at, to: at };
  let from = at;
  let to = at;
  if (u.item) {
    // A table's title in capitals starts its rows' enumeration, though it reads as an item of the list before it.
    const titlesTable = (k: number) => isCapitalUnit(units[k]!.text) && !isTableRow(units[k]!.text) && units[k + 1] !== undefined && isTableRow(units[k + 1]!.text);
    while (from > 0 && units[from - 1]!.item && !titlesTable(from)) from--;
    while (to + 1 < units.length && units[to + 1]!.item && !titlesTable(to + 1)) to++;
    // The sentence announcing the items belongs to them.
    if (from > 0 && introducesList(units[from - 1]!.text)) from--;
    return to > from ? { from, to } : null;
  }
  if (introducesList(u.text) && units[at + 1]?.item) {
    while (to + 1 < units.length && units[to + 1]!.item) to++;
    return { from, to };
  }
  return null;
}

/** The units of a hit, computed once per composition. */
export interface Passage {
  readonly hit: SearchHit;
  readonly rank: number;
  readonly units: readonly Unit[];
  /** The passage's own section heading (last part of its heading path). */
  readonly section: string;
  /** The headings above it, below the document title ('Analisis kesiapan' above 'Bila data tidak tersedia'). */
  readonly parents: string;
}

export function passageOf(hit: SearchHit, rank: number): Passage {
  const path = headingParts(hit.heading);
  return { hit, rank, units: unitsOf(hit.text), section: path.at(-1) ?? '', parents: path.slice(1, -1).join(' ') };
}
