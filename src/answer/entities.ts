import { isOrdinaryWord, normalize, terms } from '../language/index.ts';
import type { StageId } from '../programme/index.ts';
import type { RegionName } from './vocabulary.ts';
import { joinedForms, regionOfClipping } from '../regions/names.ts';

export type { RegionName } from './vocabulary.ts';

/** Stage mentions as officers write them ('bimtek 2', 'Bimtek II', 'NK', 'monev'…) → stage id. */
const STAGE_PATTERNS: ReadonlyArray<readonly [StageId, RegExp]> = [
  ['bimtek-1', /\b(bimtek|bimbingan teknis|bt)\s*-?\s*(1|i|satu|pertama|ke-?1)\b|\bbuku\s*(1|i|satu)\b|analisis strategis/],
  ['bimtek-2', /\b(bimtek|bimbingan teknis|bt)\s*-?\s*(2|ii|dua|kedua|ke-?2)\b|pemetaan program/],
  ['bimtek-3', /\b(bimtek|bimbingan teknis|bt)\s*-?\s*(3|iii|tiga|ketiga|ke-?3)\b|\bbuku\s*(2|ii|dua)\b/],
  ['bimtek-4', /\b(bimtek|bimbingan teknis|bt)\s*-?\s*(4|iv|empat|keempat|ke-?4)\b|lembar komitmen/],
  ['assessment', /\b(assessment|asesmen|assesment|seleksi|penilaian kesiapan)\b/],
  ['mou', /\b(mou|nota kesepahaman|nk|penandatanganan)\b/],
  ['pembentukan-tim', /\b(pembentukan|membentuk|bentuk)\s+(dewan|tim)|\bsk\s+(dewan|tim)|\bf-?05\b/],
  // The masterplan is handed in at finalisation: 'penyerahan masterplan', 'deadline masterplan', 'upload master plan'.
  [
    'finalisasi',
    /\b(finalisasi|presentasi|penganugerahan|award|penghargaan|unggah akhir|masterplan final)\b|\b(penyerahan|pengumpulan|penyampaian|pengiriman|unggah|upload|submit|serahkan|menyerahkan|kumpul|kumpulkan|setor|deadline|tenggat|batas(?: waktu)?)\s+(?:(?:dokumen|file|berkas|akhir)\s+)?(masterplan|master plan|rencana induk)\b/,
  ],
  ['evaluasi', /\b(evaluasi tahunan|monev|monitoring|f-?04|laporan kemajuan|indeks capaian)\b/],
];

/** The stage a question names, if any; 'tahap 3' resolves by stage order. */
export function detectStage(question: string, stageByOrdinal: ReadonlyMap<number, string>): string | null {
  const q = normalize(question);
  for (const [id, re] of STAGE_PATTERNS) if (re.test(q)) return id;
  const ord = q.match(/\btahap(?:an)?\s*(?:ke-?)?\s*(\d)\b/);
  if (ord) return stageByOrdinal.get(Number(ord[1])) ?? null;
  return null;
}

/** 'finalisasinya', 'bimteknya' → 'finalisasi', 'bimtek': the -nya suffix hides stage words. */
function withoutNya(q: string): string {
  return q.replace(/(\p{L}{3,})nya\b/gu, '$1');
}

/** At most this many stages or regions are answered for one question. */
export const MAX_NAMED = 3;

/**
 * Every stage a question names, in the order named ('bimtek 2 … kaya buku 1' → bimtek-2,
 * bimtek-1), at most MAX_NAMED.
 */
export function detectStages(question: string, stageByOrdinal: ReadonlyMap<number, string>): string[] {
  const q = withoutNya(normalize(question));
  const found: Array<{ id: string; at: number }> = [];
  for (const [id, re] of STAGE_PATTERNS) {
    for (const m of q.matchAll(new RegExp(re.source, 'g'))) found.push({ id, at: m.index });
  }
  for (const m of q.matchAll(/\btahap(?:an)?\s*(?:ke-?)?\s*(\d)\b/g)) {
    const id = stageByOrdinal.get(Number(m[1]));
    if (id) found.push({ id, at: m.index });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.id))].slice(0, MAX_NAMED);
}

/** The question without its stage mentions, for matching the rest against item titles. */
export function withoutStageMentions(question: string): string {
  let q = withoutNya(normalize(question));
  for (const [, re] of STAGE_PATTERNS) q = q.replace(new RegExp(re.source, 'g'), ' ');
  return q.replace(/\btahap(?:an)?\s*(?:ke-?)?\s*\d\b/g, ' ');
}

/**
 * How a question may name a region: with its kind ('kota palu', 'kab. sragen', 'pemkab …'),
 * or bare ('sragen') when the programme covers it and no other covered region shares the name
 * (a bare 'jayapura' is a kabupaten and a kota).
 */
function mentionsOf(r: RegionName, names: readonly RegionName[]): readonly string[] {
  // Worked out once per region list (the vocabulary's, loaded once): every question reads all 514.
  let known = mentionCache.get(names);
  if (!known) mentionCache.set(names, (known = new Map()));
  let found = known.get(r.code);
  if (!found) known.set(r.code, (found = mentionsOfUncached(r, names)));
  return found;
}
const mentionCache = new WeakMap<readonly RegionName[], Map<string, readonly string[]>>();

function mentionsOfUncached(r: RegionName, names: readonly RegionName[]): string[] {
  const forms = [r.bare, ...joinedForms(r.bare)];
  const prefixed = forms.flatMap((f) => (r.name.startsWith('Kota ') ? [`kota ${f}`, `pemkot ${f}`] : [`kabupaten ${f}`, `kab ${f}`, `kab. ${f}`, `pemkab ${f}`]));
  // Outside the programme, a bare name counts when no other region has it and it is no ordinary word ('batu', 'malang');
  // a name of several words when one of them is no ordinary word ('padang pariaman', not 'tanah datar').
  // Joined into one word ('pangkalpinang' for Pangkal Pinang), the name is no ordinary word.
  const ordinary = (form: string) => form.split(' ').every((w) => isOrdinaryWord(w));
  const unique = r.inProgramme ? names.filter((o) => o.bare === r.bare && o.inProgramme).length <= 1 : names.filter((o) => o.bare === r.bare).length === 1;
  const bare = forms.filter((f) => r.bare.length >= 4 && unique && (r.inProgramme || !ordinary(f)));
  return [...prefixed, ...bare];
}

/**
 * The region a question names: 'Kabupaten Sragen', 'kab. sragen', 'Kota Palu', or a bare
 * name ('Sragen') when it is a programme region. Longest match wins.
 */
export function detectRegion(question: string, names: readonly RegionName[]): RegionName | null {
  const q = ` ${normalize(question).replace(/[^\p{L}\p{N}.]+/gu, ' ')} `;
  let best: RegionName | null = null;
  let bestLen = 0;
  for (const r of names) {
    for (const c of mentionsOf(r, names)) {
      if (q.includes(` ${c} `) && c.length > bestLen) {
        best = r;
        bestLen = c.length;
      }
    }
  }
  // A one-word name clipped after its kind ('kota tasik') names no region in full.
  return best ?? clippedMentions(q, names)[0]?.r ?? null;
}

/**
 * Every region a question names, in the order named ('gowa … sama kaya jayawijaya'),
 * at most MAX_NAMED; the same rules as detectRegion, overlapping mentions resolved to the
 * longest.
 */
export function detectRegions(question: string, names: readonly RegionName[]): RegionName[] {
  return regionMentions(question, names).map((m) => m.region);
}

/** One-word names clipped after their kind ('kota tasik'), in the question as padded and normalised above. */
function clippedMentions(q: string, names: readonly RegionName[]): Array<{ r: RegionName; at: number; len: number }> {
  const out: Array<{ r: RegionName; at: number; len: number }> = [];
  for (const m of q.matchAll(/ (kota|kabupaten|kab\.?|pemkab|pemkot) (\p{L}+)(?= )/gu)) {
    const named = regionOfClipping(m[1]!, m[2]!);
    const r = named ? names.find((n) => n.bare === named.bare && n.name.startsWith('Kota ') === (named.kind === 'kota')) : undefined;
    if (r) out.push({ r, at: m.index!, len: m[0].length - 1 });
  }
  return out;
}

/** The regions a question names, in order, each with the words it is named by ('kota pangkalpinang'). */
export function regionMentions(question: string, names: readonly RegionName[]): Array<{ region: RegionName; written: string }> {
  const q = ` ${normalize(question).replace(/[^\p{L}\p{N}.]+/gu, ' ')} `;
  const hits: Array<{ r: RegionName; at: number; len: number }> = [];
  for (const r of names) {
    for (const c of mentionsOf(r, names)) {
      for (let at = q.indexOf(` ${c} `); at >= 0; at = q.indexOf(` ${c} `, at + 1)) hits.push({ r, at, len: c.length });
    }
  }
  hits.push(...clippedMentions(q, names));
  hits.sort((a, b) => b.len - a.len || a.at - b.at);
  const kept: typeof hits = [];
  for (const h of hits) if (!kept.some((k) => h.at < k.at + k.len + 1 && k.at < h.at + h.len + 1)) kept.push(h);
  kept.sort((a, b) => a.at - b.at);
  const out: Array<{ region: RegionName; written: string }> = [];
  for (const k of kept) if (!out.some((o) => o.region.code === k.r.code)) out.push({ region: k.r, written: q.slice(k.at + 1, k.at + 1 + k.len) });
  return out.slice(0, MAX_NAMED);
}

export type ZoneName = 'WIB' | 'WITA' | 'WIT';

/** Time zones a question mentions, in order ('… 23.59 WIT … jam brp WIB' → WIT, WIB). */
export function detectZones(question: string): ZoneName[] {
  const out: ZoneName[] = [];
  for (const m of normalize(question).matchAll(/\b(wib|wita|wit)\b/g)) {
    const z = m[1]!.toUpperCase() as ZoneName;
    if (!out.includes(z)) out.push(z);
  }
  return out;
}

/** A clock time written with its zone ('23.59 WIT', '23:59 wib'). */
export function detectClock(question: string): { hour: number; minute: number; zone: ZoneName } | null {
  const m = normalize(question).match(/\b([01]?\d|2[0-3])[.:]([0-5]\d)\s*(wib|wita|wit)\b/);
  return m ? { hour: Number(m[1]), minute: Number(m[2]), zone: m[3]!.toUpperCase() as ZoneName } : null;
}

/** A reminder offset ('H-7', 'h - 3') → days before the deadline. */
export function detectDayOffset(question: string): number | null {
  const m = normalize(question).match(/\bh\s*-\s*(\d{1,2})\b/);
  return m ? Number(m[1]) : null;
}

/** Cohort years a question names ('angkatan 2027', '2027'). */
export function detectYears(question: string): number[] {
  return [...new Set([...question.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1])))];
}

/** Codes shaped like checklist item ids ('BT3-04', 'eva-02', 'MOU 08' is not), upper-cased, in order. */
export function detectItemIds(question: string): string[] {
  const ids = [...normalize(question).matchAll(/\b([a-z]{1,4}\d?)\s?-\s?(\d{2,3})\b/g)].map((m) => `${m[1]!.toUpperCase()}-${m[2]}`);
  return [...new Set(ids)];
}

// Words of a checklist question that say what is asked, not which item: they never pick an item.
const GENERIC_ITEM_WORDS = new Set(
  terms(
    `checklist butir item itemnya poin masuk termasuk wajib anjuran opsional tahap tahapan isi isinya maksud maksudnya
     nomor no daftar syarat dokumen keluaran output unggah diunggah upload diupload kumpul dikumpulkan siap disiapkan
     perlu lengkap dilengkapi kerja dikerjakan tugas pas ada mana sih dong gitu kah tidak ga nggak iya benar betul
     bimtek bimbingan teknis satu dua tiga empat kami kita pemda daerah kabupaten kota pandu cara centang tandai lewat
     selesai dianggap`,
  ),
);

export interface TitledItem {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/**
 * The checklist item a question names by its title words ('sidang dewan masuk checklist
 * bimtek 2?' → BT2-08), or null unless one item matches clearly better than every other.
 * Among all stages' items (no stage named) at least two title words must match.
 */
export function matchChecklistItem<T extends TitledItem>(question: string, items: readonly T[], minTitleWords = 1): T | null {
  const q = new Set(terms(withoutStageMentions(question)).filter((t) => !GENERIC_ITEM_WORDS.has(t)));
  if (q.size === 0) return null;
  const scored = items
    .map((item) => {
      const title = new Set(terms(item.title));
      const desc = new Set(terms(item.description));
      let inTitle = 0;
      let inDesc = 0;
      for (const t of q) {
        if (title.has(t)) inTitle++;
        else if (desc.has(t)) inDesc++;
      }
      return { item, inTitle, score: inTitle + 0.25 * inDesc };
    })
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.inTitle < Math.max(1, minTitleWords)) return null;
  const runnerUp = second?.score ?? 0;
  return best.score >= runnerUp + 0.75 && best.score >= 1.5 * runnerUp ? best.item : null;
}
