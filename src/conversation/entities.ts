import { detectRegion, detectStage } from '../answer/entities.ts';
import type { Vocabulary } from '../answer/vocabulary.ts';
import { conversationMessages as m } from '../messages/index.ts';
import { normalize } from '../language/index.ts';

/**
 * What a question is about, as far as follow-ups care: the region, cohort, stage,
 * smart-city dimension and programme topic it names. Stage and region detection are the
 * answering core's own (detectStage/detectRegion); this module adds where in the text
 * each mention sits, so a follow-up can swap one for another.
 */

export type EntityKind = 'stage' | 'topic' | 'dimension' | 'cohort' | 'region';
export const ENTITY_KINDS: readonly EntityKind[] = ['stage', 'topic', 'dimension', 'cohort', 'region'];

export interface Entity {
  /** Stage id, topic key, dimension key, cohort year or region code. */
  readonly value: string;
  /** The words that name it in a question ('Bimtek III', 'Kabupaten Sragen'). */
  readonly mention: string;
  /** How Pandu shows it when it says what it understood. */
  readonly label: string;
}

export type Entities = Partial<Record<EntityKind, Entity>>;

/** An entity found in a text, with the character span of its mention. */
export interface Found extends Entity {
  readonly start: number;
  readonly end: number;
}

export type FoundEntities = Partial<Record<EntityKind, Found>>;

export type { Vocabulary } from '../answer/vocabulary.ts';

export function stageLabel(id: string, vocab: Pick<Vocabulary, 'stageNames'>): string {
  return m.stageLabels[id] ?? vocab.stageNames.get(id) ?? id;
}

/** How a stage is written into a rewritten question: short, and read back as the same stage. */
export function stageMention(id: string, vocab: Pick<Vocabulary, 'stageNames'>): string {
  return m.stageMentions[id] ?? stageLabel(id, vocab);
}

/** Words that belong to a region's mention when they precede its name ('kota Palu'). */
const REGION_PREFIX = /^(kota|kabupaten|kab\.?|pemkot|pemkab)$/i;

const DIMENSIONS: ReadonlyArray<[string, RegExp, RegExp]> = [
  // [key, full mention, bare word (only after a dimension was discussed)]
  ['governance', /\bsmart\s*governance\b|\bdimensi\s+(tata\s*kelola|pemerintahan|governance)\b/, /\b(governance|tata\s*kelola|pemerintahan)\b/],
  ['branding', /\bsmart\s*branding\b|\bdimensi\s+(branding|pencitraan)\b/, /\b(branding|pencitraan)\b/],
  ['economy', /\bsmart\s*econom(y|i)\b|\bdimensi\s+(ekonomi|economy)\b/, /\b(economy|ekonomi)\b/],
  ['living', /\bsmart\s*living\b|\bdimensi\s+(living|kehidupan)\b/, /\b(living|kehidupan)\b/],
  ['society', /\bsmart\s*society\b|\bdimensi\s+(society|sosial|masyarakat)\b/, /\b(society|sosial)\b/],
  ['environment', /\bsmart\s*environment\b|\bdimensi\s+(environment|lingkungan)\b/, /\b(environment|lingkungan)\b/],
];

/** Programme topics a follow-up can refer back to ('syaratnya?', 'kapan tenggatnya?'). */
const TOPICS: ReadonlyArray<[string, RegExp]> = [
  ['quick-win', /\bquick\s*-?\s*wins?(nya)?\b|\bqw\b/],
  ['f-01', /\bf-?0?1\b|\bprofil daerah\b/],
  ['f-02', /\bf-?0?2\b|\bsurat pernyataan komitmen\b/],
  ['f-03', /\bf-?0?3\b/],
  ['tim-pelaksana', /\btim pelaksana(nya)?\b/],
  ['dewan', /\bdewan( smart ?city| sc)?\b/],
  ['penetapan', /\b(perbup|perwali|perda|peraturan (bupati|wali ?kota|daerah))\b|\bpenetapan masterplan\b/],
  ['masterplan', /\bmaster ?plan(nya)?\b|\brencana induk\b/],
  ['indeks', /\bindeks( capaian)?\b/],
  ['rpjmd', /\brpjmd\b|\brenstra\b/],
  ['spbe', /\bspbe\b|\bsatu data\b/],
  ['pendanaan', /\b(pendanaan|anggaran|apbd|dak|csr|tjsl|kpbu)\b/],
  ['mentor', /\bmentor(nya)?\b|\bnarasumber\b/],
  ['swot', /\bswot\b/],
  ['peta-jalan', /\bpeta jalan\b|\broadmap\b/],
  ['rencana-aksi', /\brencana aksi\b/],
  ['program-inovasi', /\bprogram inovasi\b/],
  ['matriks', /\bmatriks( pemetaan)?\b/],
  ['pengingat', /\bpengingat\b|\breminder\b/],
  ['visi-misi', /\bvisi\b|\bmisi\b/],
  ['sk', /\bsk\b/],
  ['portal', /\bportal\b/],
  ['sekretariat', /\bsekretariat\b/],
  ['zona-waktu', /\bzona waktu\b|\b(wib|wita|wit)\b/],
  ['dimensi', /\b(enam |6 )?dimensi\b/],
];

interface Token {
  readonly start: number;
  readonly end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(/\S+/g)) out.push({ start: match.index, end: match.index + match[0].length });
  return out;
}

/** Trims punctuation off a span's edges ('III?' → 'III'), keeping hyphens inside codes. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[^\p{L}\p{N}]/u.test(text[start]!)) start++;
  while (end > start && /[^\p{L}\p{N}]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The shortest run of 1–4 words in which `matches` holds: where the mention is. */
function locate(text: string, matches: (window: string) => boolean): { start: number; end: number } | null {
  const toks = tokens(text);
  for (let size = 1; size <= 4; size++) {
    for (let i = 0; i + size <= toks.length; i++) {
      const start = toks[i]!.start;
      const end = toks[i + size - 1]!.end;
      if (matches(text.slice(start, end))) return trimSpan(text, start, end);
    }
  }
  return null;
}

/** Where a regex matches in the text; normalize() keeps lengths for the text we see, else we locate by words. */
function regexSpan(text: string, re: RegExp): { start: number; end: number } | null {
  const lower = normalize(text);
  if (lower.length === text.length) {
    const hit = re.exec(lower);
    return hit ? trimSpan(text, hit.index, hit.index + hit[0].length) : null;
  }
  return re.test(lower) ? locate(text, (w) => re.test(normalize(w))) : null;
}

const overlaps = (a: Token, b: Token) => a.start < b.end && b.start < a.end;

export interface DetectOptions {
  /** Bare dimension words ('kalau ekonomi?') count when the conversation is about a dimension. */
  readonly bareDimensions?: boolean;
}

/** Words ending in -nya that are not a noun with '-nya' ('hanya', 'selanjutnya'). */
export const NYA_WORDS = new Set([
  'hanya', 'punya', 'tanya', 'bertanya', 'nanya', 'ditanya', 'lainnya', 'sebelumnya', 'selanjutnya', 'berikutnya',
  'sesudahnya', 'setelahnya', 'biasanya', 'sebenarnya', 'seharusnya', 'semestinya', 'sepertinya', 'kayaknya',
  'rupanya', 'akhirnya', 'misalnya', 'khususnya', 'umumnya', 'terutamanya', 'tampaknya', 'sebaiknya', 'baiknya',
  'mestinya', 'harusnya', 'katanya', 'bukannya', 'masingnya', 'kenyataannya', 'pertamanya', 'intinya', 'pokoknya',
  'utamanya', 'karenanya', 'sesungguhnya', 'selebihnya', 'semuanya', 'seluruhnya', 'keduanya', 'ketiganya',
]);

/** 'finalisasinya' → 'finalisasi   ': the '-nya' blanked, so detectors see the word and spans keep their offsets. */
function blankNya(text: string): string {
  return text.replace(/(\p{L}{3,})nya\b/gu, (w: string, base: string) => (NYA_WORDS.has(w.toLowerCase()) ? w : `${base}   `));
}

/** The entities a text names, each with the span of its mention. */
export function findEntities(original: string, vocab: Vocabulary, options: DetectOptions = {}): FoundEntities {
  const found: FoundEntities = {};
  const text = blankNya(original);
  const q = normalize(text);

  const stage = detectStage(text, vocab.stageByOrdinal);
  if (stage) {
    const span = locate(text, (w) => detectStage(w, vocab.stageByOrdinal) === stage);
    if (span) {
      const mention = original.slice(span.start, span.end);
      // 'tahap 3' reads clearer as the stage's own name once carried into another question.
      const named = /^tahap/i.test(mention) ? stageMention(stage, vocab) : mention;
      found.stage = { value: stage, mention: named, label: stageLabel(stage, vocab), ...span };
    }
  }

  const region = detectRegion(text, vocab.regions);
  if (region) {
    const span = locate(text, (w) => detectRegion(w, vocab.regions)?.code === region.code);
    if (span) {
      const before = /(\S+)\s+$/.exec(text.slice(0, span.start));
      if (before && REGION_PREFIX.test(before[1]!)) span.start -= before[0].length;
    }
    if (span) found.region = { value: region.code, mention: region.name, label: region.name, ...span };
  }

  const cohort = /\bangkatan\s*(20\d\d)\b/.exec(q);
  if (cohort) {
    const span = regexSpan(text, /\bangkatan\s*20\d\d\b/);
    if (span) found.cohort = { value: cohort[1]!, mention: `angkatan ${cohort[1]}`, label: m.cohortLabel(Number(cohort[1])), ...span };
  }

  for (const [key, full, bare] of DIMENSIONS) {
    const span = regexSpan(text, full) ?? (options.bareDimensions ? regexSpan(text, bare) : null);
    if (span) {
      found.dimension = { value: key, mention: m.dimensionLabels[key]!, label: m.dimensionLabels[key]!, ...span };
      break;
    }
  }

  const taken = [found.stage, found.region, found.cohort, found.dimension].filter((e): e is Found => !!e);
  for (const [key, re] of TOPICS) {
    if (key === 'dimensi' && found.dimension) continue;
    const span = regexSpan(text, re);
    if (!span || taken.some((t) => overlaps(t, span))) continue;
    found.topic = { value: key, mention: original.slice(span.start, span.end), label: m.topicLabels[key] ?? key, ...span };
    break;
  }
  return found;
}

/** Entities without their spans (what a conversation turn stores). */
export function plain(found: FoundEntities): Entities {
  const out: Entities = {};
  for (const kind of ENTITY_KINDS) {
    const e = found[kind];
    if (e) out[kind] = { value: e.value, mention: e.mention, label: e.label };
  }
  return out;
}

/** Same entities (by value), ignoring how they are written. */
export function sameEntities(a: Entities, b: Entities): boolean {
  return ENTITY_KINDS.every((k) => (a[k]?.value ?? null) === (b[k]?.value ?? null));
}

/** 'Bimtek III, Kabupaten Sragen': what Pandu understood, in a fixed order. */
export function describe(entities: Entities): string {
  return ENTITY_KINDS.map((k) => entities[k]?.label)
    .filter(Boolean)
    .join(', ');
}
