import { MONTH_SPELLINGS } from '../language/index.ts';
import { isPlaceName } from './places.ts';

/**
 * Dates and datelines as Indonesian news and government pages write them:
 * '12 Mei 2022', 'Kamis, 12/5/2022', 'Apr 21, 2022 - 14:21', 'SRAGEN, KOMPAS.com –',
 * 'Jakarta (ANTARA) -', 'KOTA | situs.com –', 'Palu, 12 Mei 2022 –'.
 */

const MONTH_OF = new Map(MONTH_SPELLINGS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const MONTH = `(?:${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const WEEKDAY = "(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|sen|sel|rab|kam|jum|sab|min|mon|tue|wed|thu|fri|sat|sun)";

/** Any one date, with its optional weekday: the forms above plus ISO 8601. */
export const DATE_SOURCE =
  `(?:${WEEKDAY},?\\s+)?(?:\\d{1,2}\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
const DATE_RE = new RegExp(DATE_SOURCE, 'iu');
/** A clock time with its optional zone: '14:21', '09.30 WIB'. */
export const TIME_SOURCE = '\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:\\s*(?:WIB|WITA|WIT|GMT\\+?\\d*|UTC))?';

/** True when the text holds nothing but a date, a weekday, a time and punctuation ('Kamis (12/5/2022) 09.30 WIB'). */
export function onlyDate(text: string): boolean {
  return (
    text
      .replace(new RegExp(DATE_SOURCE, 'giu'), '')
      .replace(new RegExp(TIME_SOURCE, 'giu'), '')
      .replace(new RegExp(`\\b${WEEKDAY}\\b`, 'giu'), '')
      .replace(/[()[\],.|·•\s/–—-]/g, '') === ''
  );
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1945 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first valid date in the text as ISO 'YYYY-MM-DD'; numeric dates are day first, as Indonesia writes them. */
export function findDate(text: string): string | null {
  const m = text.match(DATE_RE);
  if (!m) return null;
  const s = m[0].toLowerCase().replace(new RegExp(`^${WEEKDAY},?\\s+`, 'u'), '');
  let parts: RegExpMatchArray | null;
  if ((parts = s.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return iso(+parts[1]!, +parts[2]!, +parts[3]!);
  if ((parts = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/))) return iso(+parts[3]!, +parts[2]!, +parts[1]!);
  if ((parts = s.match(/^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/))) return iso(+parts[3]!, MONTH_OF.get(parts[2]!) ?? 0, +parts[1]!);
  if ((parts = s.match(/^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/))) return iso(+parts[3]!, MONTH_OF.get(parts[1]!) ?? 0, +parts[2]!);
  return null;
}

export interface Dateline {
  readonly place: string;
  readonly date: string | null;
  /** The sentence after the dateline. */
  readonly rest: string;
}

// A news site or agency named in a dateline: 'KOMPAS.com', 'situs.co.id', '(ANTARA)'.
const KNOWN_SITE = /^[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.(?:com|id|net|org|co|news|tv|info|web\.id)$/iu;
// Any other top-level domain, written in lower case ('rakyatpos.online'); 'Kab.Bogor' is no site.
const OTHER_SITE = /^[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.[a-z]{2,10}$/u;
/** A site's name as news pages write it: 'KOMPAS.com', 'situs.co.id', 'rakyatpos.online'. */
export function isSiteName(text: string): boolean {
  return KNOWN_SITE.test(text) || OTHER_SITE.test(text);
}
const AGENCY = /\((\p{Lu}[\p{L}\d. ]{1,30})\)$/u;
const CAPS_WORDS = /^\p{Lu}[\p{Lu}.'-]*(?:\s+\p{Lu}[\p{Lu}.'-]*){0,3}$/u;
const TITLE_WORDS = /^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}$/u;
// The separator between a dateline and its sentence: a dash with a space on at least one side.
const SEPARATOR = /^(.{2,90}?)(?:\s+[–—-]{1,2}\s*|\s*[–—]\s+)(?=["“'‘(\p{Lu}\d])/u;

/** 'SRAGEN' → 'Sragen', 'KOTA PALU' → 'Kota Palu'; mixed case is kept. */
function placeName(s: string): string {
  const t = s.replace(/[.\s]+$/, '').trim();
  if (t !== t.toUpperCase()) return t;
  return t.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (c) => c.toUpperCase());
}

/**
 * Reads a news dateline at the start of a paragraph: the place, then (for a place not
 * written in capitals, at least one of) a site, an agency or a date, then a dash and the
 * sentence. Null when the paragraph does not start with one.
 */
export function splitDateline(text: string): Dateline | null {
  const m = text.match(SEPARATOR);
  if (!m) return null;
  const rest = text.slice(m[0].length).trim();
  if (rest.split(/\s+/).length < 4) return null;
  const parts = m[1]!.replace(/[*_]/g, '').split(/\s*[,|]\s*/).filter(Boolean);
  let place = parts[0]!.trim();
  let sourced = false;
  const agency = place.match(AGENCY);
  if (agency) {
    place = place.slice(0, agency.index).trim();
    sourced = true;
  }
  // 'Kabardigital.id – …' names the site, not a place.
  if (isSiteName(place) || (!CAPS_WORDS.test(place) && !TITLE_WORDS.test(place))) return null;
  let date: string | null = null;
  for (const part of parts.slice(1)) {
    const p = part.replace(AGENCY, '').trim();
    if (p !== part.trim()) sourced = true;
    if (!p) continue;
    const d = findDate(p);
    if (d && onlyDate(p)) date = d;
    else if (isSiteName(p) || (TITLE_WORDS.test(p) && p.split(/\s+/).length <= 3) || CAPS_WORDS.test(p)) sourced = true;
    else return null;
  }
  // A place alone, without a site, agency or date, counts only when written in capitals and
  // named in the national register ('SEMARANG – …'); 'PENDAHULUAN – …' is not a dateline.
  if (!sourced && date === null && !(CAPS_WORDS.test(place) && isPlaceName(place))) return null;
  return { place: placeName(place), date, rest };
}
