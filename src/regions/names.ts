import { escapeRegExp, holdsRun, isOrdinaryWord, normalize, terms } from '../language/index.ts';
import { loadRegistry } from './registry.ts';

/**
 * Indonesians shorten a kabupaten's or kota's name of two or more words by joining the first
 * syllables of each word: Humbang Hasundutan is 'Humbahas', Tanah Bumbu 'Tanbu', Kutai
 * Kartanegara 'Kukar', Sidenreng Rappang 'Sidrap'. Officers write these in chats while
 * documents mostly spell the name out. A word is read as such a shortening when it joins a
 * beginning (two letters or more) of every word of exactly one region's name, in order ('dan'
 * may be left out), and is no Indonesian word itself.
 */
const MIN_WORD = 5;
const MIN_PIECE = 2;
const CONNECTORS = new Set(['dan']);
/** Shortenings of legal instruments that happen to join two region words ('kepmen': keputusan menteri). */
const INSTRUMENTS = new Set(['kepmen', 'permen', 'kepmenkes', 'kepmendagri', 'permendagri', 'kepgub', 'pergub', 'kepbup', 'perbup', 'perwal', 'kepwal']);

interface Named {
  /** 'Kabupaten Humbang Hasundutan' */
  readonly name: string;
  readonly kind: 'kabupaten' | 'kota';
  /** 'humbang hasundutan' */
  readonly bare: string;
  /** The bare name's words without connectors: ['humbang', 'hasundutan']. */
  readonly parts: readonly string[];
  readonly province: string;
}

/** A region's name without 'Kabupaten'/'Kota', normalised: 'Kabupaten Humbang Hasundutan' → 'humbang hasundutan'. */
export function bareRegionName(name: string): string {
  return normalize(name.replace(/^(Kabupaten|Kota)\s+/, ''));
}

let named: readonly Named[] | null = null;

function regions(): readonly Named[] {
  return (named ??= loadRegistry().map((r) => {
    // Jakarta's cities are 'Kota Administrasi …' in the registry; letterheads and chats leave the word out.
    const bare = bareRegionName(r.name).replace(/^adm(\.|inistrasi)?\s+/, '');
    return { name: r.name.replace(/^Kota Adm(\.|inistrasi)?\s+/i, 'Kota '), kind: r.kind, bare, parts: bare.split(/[^\p{L}]+/u).filter((w) => w && !CONNECTORS.has(w)), province: normalize(r.province) };
  }));
}

let multiWord: ReadonlyArray<readonly string[]> | null = null;
let placeWords: ReadonlySet<string> | null = null;

/** Words of the registry's province and region names: a place's own name is no shortening ('banten'). */
export function isPlaceWord(word: string): boolean {
  placeWords ??= new Set(regions().flatMap((r) => `${r.province} ${r.bare}`.split(/[^\p{L}]+/u)));
  return placeWords.has(word);
}

/** Region names of two words or more, without their kind, as word lists, each once: ['humbang', 'hasundutan']. */
function multiWordNames(): ReadonlyArray<readonly string[]> {
  return (multiWord ??= [...new Map(regions().filter((r) => r.parts.length >= 2).map((r) => [r.bare, r.parts])).values()]);
}

/** The word joins a beginning of each of `parts`, in order. */
function joinsBeginnings(word: string, parts: readonly string[], at = 0, part = 0): boolean {
  if (part === parts.length) return at === word.length;
  const p = parts[part]!;
  for (let len = Math.min(p.length, word.length - at); len >= MIN_PIECE; len--) {
    if (word.startsWith(p.slice(0, len), at) && joinsBeginnings(word, parts, at + len, part + 1)) return true;
  }
  return false;
}

const cache = new Map<string, string | null>();

let initials: ReadonlyMap<string, string | null> | null = null;

/**
 * A region written as its initials: of three words or more bare ('PPU' is Penajam Paser Utara,
 * 'TTS' Timor Tengah Selatan), of two or more after a 'K' for its kind ('KKR' Kabupaten Kubu
 * Raya). Null when no region, or more than one, is written so ('KBB' is five regions).
 */
function regionOfInitials(word: string): string | null {
  if (!initials) {
    const m = new Map<string, string | null>();
    const put = (key: string, bare: string) => m.set(key, m.has(key) && m.get(key) !== bare ? null : bare);
    for (const r of regions()) {
      const own = r.parts.map((p) => p[0]).join('');
      if (r.parts.length >= 3) put(own, r.bare);
      if (r.parts.length >= 2) put(`k${own}`, r.bare);
    }
    initials = m;
  }
  return initials.get(word) ?? null;
}

/** The region name a shortened word stands for ('humbahas' → 'humbang hasundutan'), or null. */
export function regionOfShortening(word: string): string | null {
  const w = normalize(word);
  const known = cache.get(w);
  if (known !== undefined) return known;
  let found: string | null = null;
  if (w.length >= MIN_WORD && /^\p{L}+$/u.test(w) && !INSTRUMENTS.has(w) && !isOrdinaryWord(w)) {
    const matches = isPlaceWord(w) ? [] : multiWordNames().filter((parts) => joinsBeginnings(w, parts));
    if (matches.length === 1) found = matches[0]!.join(' ');
  } else if (w.length >= 3 && w.length <= 4 && /^\p{L}+$/u.test(w) && !isOrdinaryWord(w) && !isPlaceWord(w)) {
    found = regionOfInitials(w);
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(w, found);
  return found;
}

/** A region of one kind, by its bare name ('tasikmalaya' as a kota). */
export interface KindedName {
  readonly kind: 'kota' | 'kabupaten';
  readonly bare: string;
}

const clipped = new Map<string, KindedName | null>();
const MIN_CLIP = 4;

/**
 * A one-word region name clipped after its kind, as chats write it ('kota tasik' for Kota
 * Tasikmalaya, 'kab probo' for Kabupaten Probolinggo): the one region of that kind whose bare
 * name begins with the word and is at least two letters longer, or null. After 'kota'/'kab'
 * the word may be an ordinary one ('tasik' is a lake): the kind says a name follows.
 */
export function regionOfClipping(kindWord: string, word: string): KindedName | null {
  const kind = /^(?:kota|pemkot)$/.test(kindWord) ? 'kota' : /^(?:kab\.?|kabupaten|pemkab)$/.test(kindWord) ? 'kabupaten' : null;
  const w = normalize(word);
  // Not a word every question uses ('kota mana'), nor a word of another place's name ('kab sumba barat').
  if (!kind || w.length < MIN_CLIP || !/^\p{L}+$/u.test(w) || isPlaceWord(w) || terms(w).length === 0) return null;
  const key = `${kind} ${w}`;
  const known = clipped.get(key);
  if (known !== undefined) return known;
  const own = regions().filter((r) => r.kind === kind);
  const found = own.some((r) => r.bare === w) ? [] : [...new Set(own.filter((r) => !r.bare.includes(' ') && r.bare.startsWith(w) && r.bare.length >= w.length + 2).map((r) => r.bare))];
  const named: KindedName | null = found.length === 1 ? { kind, bare: found[0]! } : null;
  clipped.set(key, named);
  return named;
}

const shortened = new Map<string, readonly string[]>();

/**
 * The shortenings a multi-word region name may be written as ('kotawaringin timur' → 'kotim',
 * 'kotatim', …): every join of beginnings of its words that is no word or place name of its own.
 * A report may write 'Kotim' where the officer writes the name out.
 */
export function shorteningsOf(bare: string): readonly string[] {
  const known = shortened.get(bare);
  if (known) return known;
  const parts = multiWordNames().find((p) => p.join(' ') === bare.replace(/\s+dan\s+/g, ' '));
  const out: string[] = [];
  if (parts && parts.length <= 3) {
    const grow = (at: number, sofar: string) => {
      if (at === parts.length) {
        // Read from the name, a shortening another region shares ('kotim': Kotawaringin Timur, Kolaka Timur) still stands for it.
        if (sofar.length >= MIN_WORD && !INSTRUMENTS.has(sofar) && !isOrdinaryWord(sofar) && !isPlaceWord(sofar)) out.push(sofar);
        return;
      }
      const word = parts[at]!;
      // A beginning of up to five letters, or the whole word ('Deliserdang').
      for (let len = MIN_PIECE; len <= word.length; len++) if (len <= 5 || len === word.length) grow(at + 1, sofar + word.slice(0, len));
    };
    grow(0, '');
  }
  shortened.set(bare, out);
  return out;
}

/** A name of two to four words as people also write it, some words joined ('pangkalpinang', 'limapuluh kota'). */
export function joinedForms(bare: string): string[] {
  const words = bare.split(' ');
  if (words.length < 2 || words.length > 4) return [];
  const out: string[] = [];
  for (let mask = 1; mask < 1 << (words.length - 1); mask++) {
    out.push(words.reduce((acc, w, i) => (i === 0 ? w : `${acc}${mask & (1 << (i - 1)) ? '' : ' '}${w}`), ''));
  }
  return out;
}

const written = new Map<string, RegExp>();

/** A text names the region (bare name, normalised) as written out, joined or shortened ('kotawaringin timur', 'Kotim'). */
export function namesRegion(text: string, bare: string): boolean {
  let re = written.get(bare);
  if (!re) {
    re = new RegExp(`\\b(?:${[bare, ...joinedForms(bare), ...shorteningsOf(bare)].map(escapeRegExp).join('|')})\\b`);
    if (written.size > 1000) written.clear();
    written.set(bare, re);
  }
  return re.test(withoutLongerNames(normalize(text), bare));
}

const longer = new Map<string, RegExp | null>();

/**
 * The text (normalised) without the names of other regions and provinces that hold this one's
 * ('bangka selatan', 'bangka belitung' for 'bangka'): a report on Bangka Selatan does not name
 * Kabupaten Bangka.
 */
export function withoutLongerNames(text: string, bare: string): string {
  let re = longer.get(bare);
  if (re === undefined) {
    // Other regions' names, and provinces' with or without their kind ('kepulauan bangka belitung', 'bangka belitung').
    const places = regions().flatMap((r) => [r.bare, r.province, r.province.replace(/^(?:kepulauan|daerah istimewa|dki|daerah khusus ibukota)\s+/, '')]);
    const names = [...new Set(places.filter((b) => b !== bare && ` ${b} `.includes(` ${bare} `)))].sort((a, b) => b.length - a.length);
    re = names.length > 0 ? new RegExp(`\\b(?:${names.map(escapeRegExp).join('|')})\\b`, 'g') : null;
    longer.set(bare, re);
  }
  return re ? text.replace(re, ' ') : text;
}

/** Multi-word region names written out in a text's words, bare ('kotawaringin timur'). */
export function regionNamesIn(words: readonly string[]): string[] {
  return multiWordNames().filter((parts) => holdsRun(words, parts)).map((parts) => parts.join(' '));
}

let provinces: ReadonlyArray<readonly string[]> | null = null;
/** The registry's provinces as word lists, longest first ('kepulauan bangka belitung' before 'bangka belitung'). */
function provinceNames(): ReadonlyArray<readonly string[]> {
  return (provinces ??= [...new Set(regions().map((r) => r.province))].map((p) => p.split(/[^\p{L}]+/u).filter(Boolean)).sort((a, b) => b.length - a.length));
}

const plainWords = (text: string) => normalize(text).split(/[^\p{L}]+/u).filter(Boolean);

/** The province a text names ('jawa timur'), if any; the text's words as `plainWords` splits them. */
export function provinceIn(words: readonly string[]): string | null {
  return provinceNames().find((parts) => holdsRun(words, parts))?.join(' ') ?? null;
}

/**
 * The provinces a text speaks of: those it names, and those of the kabupaten and kota it names
 * ('Bupati Gresik' is in Jawa Timur). A region's name that is also a common word ('batu') counts.
 */
export function provincesOf(text: string): Set<string> {
  const ws = plainWords(text);
  const out = new Set<string>();
  for (const parts of provinceNames()) if (holdsRun(ws, parts)) out.add(parts.join(' '));
  for (const r of regions()) if (r.parts.length > 0 && holdsRun(ws, r.parts)) out.add(r.province);
  return out;
}

/** A letterhead or signature naming the issuing government: 'PEMERINTAH KABUPATEN …', 'BUPATI …', 'WALI KOTA …'. */
const ISSUER = /\b(?:pemerintah\s+(kabupaten|kota)|(bupati)|(wali\s?kota))\s+/g;

/**
 * The kabupaten or kota whose government issues a document, read from the document's opening
 * (its letterhead: 'PEMERINTAH KABUPATEN HUMBANG HASUNDUTAN', 'BUPATI TANAH BUMBU'): its name
 * as the registry writes it ('Kabupaten Humbang Hasundutan') and bare ('humbang hasundutan');
 * null when the opening names none.
 */
export function issuerOf(opening: string): { readonly name: string; readonly bare: string } | null {
  const text = normalize(opening);
  for (const m of text.matchAll(ISSUER)) {
    const kind = m[1] === 'kota' || m[3] ? 'kota' : 'kabupaten';
    const after = text.slice(m.index + m[0].length);
    let best: Named | null = null;
    for (const r of regions()) {
      if (r.kind !== kind || !after.startsWith(r.bare) || /\p{L}/u.test(after.charAt(r.bare.length))) continue;
      if (!best || r.bare.length > best.bare.length) best = r;
    }
    if (best) return { name: best.name, bare: best.bare };
  }
  return null;
}
