import { MONTH_SPELLINGS, terms, wordTable, words } from '../language/index.ts';
import { regionNamesIn, regionOfClipping, regionOfShortening, shorteningsOf } from '../regions/names.ts';

/**
 * Abbreviations and programme jargon officers use, with what they stand for ('|' between
 * readings of one abbreviation). Expansion terms are added to the query at a lower weight so
 * either form finds the passage.
 */
export const GLOSSARY = wordTable({
  bimtek: 'bimbingan teknis',
  // Officers write MoU for the nota kesepakatan the ministry has signed since 2021 too.
  mou: 'nota kesepahaman|nota kesepakatan',
  // In government usage NK is a 'nota kesepakatan'; officers also write it for the MoU.
  nk: 'nota kesepakatan|nota kesepahaman',
  qw: 'quick win',
  quickwin: 'quick win',
  tp: 'tim pelaksana',
  dsc: 'dewan smart city',
  sc: 'smart city',
  rpjmd: 'rencana pembangunan jangka menengah daerah',
  rpjpd: 'rencana pembangunan jangka panjang daerah',
  renstra: 'rencana strategis',
  opd: 'organisasi perangkat daerah',
  // A decree is headed 'KEPUTUSAN BUPATI …': officers' SK.
  sk: 'surat keputusan|keputusan',
  perbup: 'peraturan bupati',
  perwali: 'peraturan wali kota',
  perda: 'peraturan daerah',
  apbd: 'anggaran pendapatan belanja daerah',
  bappeda: 'badan perencanaan pembangunan daerah',
  diskominfo: 'dinas komunikasi informatika',
  aptika: 'aplikasi informatika',
  // Offices and ranks as letters and chats shorten them; the documents' bodies spell them out.
  ditjen: 'direktorat jenderal',
  dirjen: 'direktur jenderal',
  kemenkominfo: 'kementerian komunikasi informatika',
  kemkominfo: 'kementerian komunikasi informatika',
  kemendagri: 'kementerian dalam negeri',
  kemenkeu: 'kementerian keuangan',
  bappenas: 'badan perencanaan pembangunan nasional',
  sekda: 'sekretaris daerah',
  setda: 'sekretariat daerah',
  ksp: 'kantor staf presiden',
  spbe: 'sistem pemerintahan berbasis elektronik',
  monev: 'monitoring evaluasi',
  kominfo: 'kementerian komunikasi informatika',
  komdigi: 'kementerian komunikasi digital',
  wib: 'waktu indonesia barat',
  wita: 'waktu indonesia tengah',
  wit: 'waktu indonesia timur',
  masterplan: 'rencana induk',
  tenggat: 'batas waktu',
  g100sc: 'gerakan menuju 100 smart city',
  // Provinces as officers abbreviate them.
  jatim: 'jawa timur',
  jateng: 'jawa tengah',
  jabar: 'jawa barat',
  diy: 'daerah istimewa yogyakarta',
  kaltim: 'kalimantan timur',
  kalsel: 'kalimantan selatan',
  kalbar: 'kalimantan barat',
  kalteng: 'kalimantan tengah',
  kaltara: 'kalimantan utara',
  sulsel: 'sulawesi selatan',
  sulut: 'sulawesi utara',
  sulteng: 'sulawesi tengah',
  sultra: 'sulawesi tenggara',
  sulbar: 'sulawesi barat',
  sumut: 'sumatera utara',
  sumbar: 'sumatera barat',
  sumsel: 'sumatera selatan',
  ntb: 'nusa tenggara barat',
  ntt: 'nusa tenggara timur',
  // A word written joined or apart.
  ibukota: 'ibu kota',
  // Chat's bounds, as rules word them ('minimal 2 kali setaun' is 'paling sedikit 2 kali dalam setahun').
  minimal: 'paling sedikit|sekurang kurangnya',
  maksimal: 'paling banyak|paling lama|paling lambat',
  setaun: 'setahun',
  rakor: 'rapat koordinasi',
  // Months as chats shorten them ('rapat 12 sept', 'tgl 5 agt'): documents mostly write them out.
  ...Object.fromEntries(MONTH_SPELLINGS.flatMap(([name, ...others]) => others.filter((o) => o.length <= 4).map((o) => [o, name!]))),
});

export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
  /** For a glossary expansion term: the abbreviation (stemmed) it stands in for. */
  readonly expands?: string;
}

/** What a word of a question stands for: its glossary readings, or the region it shortens ('humbahas'). */
export function readingsOf(word: string): string[] | null {
  const entry = GLOSSARY[word];
  if (entry !== undefined) return entry.split('|');
  const region = regionOfShortening(word);
  return region ? [region] : null;
}

/** The abbreviations a question uses: each one's own (stemmed) term and its expansions' terms. */
function glossaryUses(question: string): Array<{ own: string | undefined; expansions: string[][] }> {
  const all = words(question);
  return all.flatMap((w, i) => {
    const clip = i > 0 ? regionOfClipping(all[i - 1]!, w) : null;
    const readings = clip ? [clip.bare] : readingsOf(w);
    return readings ? [{ own: terms(w)[0], expansions: readings.map((e) => terms(e)) }] : [];
  });
}

/** A region named in full, and the shortenings a document may write it as ('kotawaringin timur': 'kotim'): each shortening's term. */
function regionShortenings(question: string): Array<{ parts: string[]; shortenings: string[] }> {
  return regionNamesIn(words(question)).map((bare) => ({
    parts: terms(bare),
    shortenings: [...new Set(shorteningsOf(bare).flatMap((s) => terms(s)))],
  }));
}

/** Weight of a glossary expansion term beside the question's own terms (1). */
export const EXPANSION_WEIGHT = 0.4;

const QUESTION_WORD = /\b(apa|apakah|siapa|kapan|berapa|bagaimana|gimana|mana|kenapa|mengapa)\b/;
/** Weight of a term only the context around a question uses ('… bunyinya? mau dipasang di spanduk'). */
export const CONTEXT_WEIGHT = 0.5;
const MIN_ASKED_TERMS = 3;

/**
 * Terms used only in what an officer adds after the question: a sentence after the last
 * question mark that asks nothing ('? soalnya ada yang dinas luar', '? bupati lagi padat
 * jadwalnya'). They tell why someone asks, not what the answer is about. Only after a question
 * of at least MIN_ASKED_TERMS terms: 'kalau kota sorong? katanya mundur' is one question.
 */
export function contextTerms(question: string): Set<string> {
  const last = question.lastIndexOf('?');
  if (last < 0) return new Set();
  const after = question.slice(last + 1);
  if (QUESTION_WORD.test(words(after).join(' '))) return new Set();
  const asked = new Set(terms(question.slice(0, last)));
  // A short question leans on what follows it ('kalau kota sorong? katanya mundur').
  if (asked.size < MIN_ASKED_TERMS) return new Set();
  return new Set(terms(after).filter((t) => !asked.has(t)));
}

/** Query terms (stemmed) with weights: the question's own terms 1, glossary expansions 0.4. */
export function analyzeQuery(question: string): WeightedTerm[] {
  const weights = new Map<string, number>();
  const expands = new Map<string, string>();
  const context = contextTerms(question);
  for (const t of terms(question)) weights.set(t, (weights.get(t) ?? 0) + (context.has(t) ? CONTEXT_WEIGHT : 1));
  for (const { own, expansions } of glossaryUses(question)) {
    for (const t of new Set(expansions.flat())) {
      if (weights.has(t)) continue;
      weights.set(t, EXPANSION_WEIGHT);
      if (own) expands.set(t, own);
    }
  }
  for (const { parts, shortenings } of regionShortenings(question)) {
    for (const t of shortenings) {
      if (weights.has(t)) continue;
      weights.set(t, EXPANSION_WEIGHT);
      if (parts[0]) expands.set(t, parts[0]);
    }
  }
  return [...weights].map(([term, weight]) => ({ term, weight, ...(expands.has(term) ? { expands: expands.get(term)! } : {}) }));
}

/** One idea of the question: found in a text when every term of one of its forms is there ('qw' or 'quick win'). */
export interface QueryConcept {
  readonly forms: ReadonlyArray<readonly string[]>;
  /** Only in the context after the question: counts CONTEXT_WEIGHT. */
  readonly context?: boolean;
}

/** The question's concepts: each of its own terms, with the glossary expansion as an equal alternative form. */
export function queryConcepts(question: string): QueryConcept[] {
  const byTerm = new Map<string, string[][]>();
  for (const t of terms(question)) if (!byTerm.has(t)) byTerm.set(t, [[t]]);
  for (const { own, expansions } of glossaryUses(question)) {
    const forms = own ? byTerm.get(own) : undefined;
    for (const expansion of expansions) if (forms && expansion.length > 0) forms.push(expansion);
  }
  // A region's shortening holds every word of its name.
  for (const { parts, shortenings } of regionShortenings(question)) for (const p of parts) byTerm.get(p)?.push(...shortenings.map((s) => [s]));
  const context = contextTerms(question);
  return [...byTerm].map(([t, forms]) => (context.has(t) ? { forms, context: true } : { forms }));
}

/**
 * Names and figures carry a question's topic ('Kapan Charles Babbage lahir?', 'pasal 12'):
 * terms of words capitalised inside the question (not its first word) or holding a digit
 * get weight × (1 + factor). Chat questions written in lower case are left as they are.
 */
export function emphasizeNames(question: string, query: readonly WeightedTerm[], factor: number): WeightedTerm[] {
  if (factor <= 0) return [...query];
  const named = new Set<string>();
  question.split(/\s+/).forEach((word, i) => {
    if ((i > 0 && /^[^\p{L}\p{N}]*\p{Lu}/u.test(word)) || /\d/.test(word)) for (const t of terms(word)) named.add(t);
  });
  return query.map((q) => (named.has(q.term) ? { term: q.term, weight: q.weight * (1 + factor) } : q));
}
