import { lastHeading, type WeightedConcept } from '../../retrieval/index.ts';
import { escapeRegExp, sentences, terms } from '../../language/index.ts';
import { FIRST_WORDS, PHASE_WORDS, STAGE_WORDS, type Asked } from './asked.ts';
import { enumerationAround, leansOnPrevious, type Passage } from './units.ts';
import { holdsMeasure, holdsValue, introducesList, namedPlace, SIGN_MARK_SOURCE, valueSpans } from './values.ts';
import { Phrases } from './phrase.ts';

/**
 * Scoring weights, chosen on the TyDi QA train split and the dev halves of our eval sets
 * (see bench/RESULTS.md): the passage's own section heading H (a section titled with the
 * question's words is about it), context C (the passage's title and section heading, which name the
 * subject a sentence leaves out), neighbours N, the whole passage P, the asked kind of value V,
 * the question's names and figures M, list items for list questions L, search score R, a
 * sentence defining what a definition question asks about D, a sentence naming who did the deed a
 * 'siapa yang …' question asks about (after 'oleh', 'karya') or giving a figure in the measure asked G, the
 * share MV of the value bonus a figure in another unit gets when a measure is asked, a passage's opening sentence F,
 * a discount K per place in the search ranking, a factor Y for a passage that nowhere states a year or
 * name the question pins down; a second
 * sentence of the answering passage joins when it scores `second` of the best and is at most
 * `secondMax` characters long (two candidates: the reader can tell); the sentences after the
 * answer that still speak of the question's ideas follow it up to about `T` characters; a
 * section with its own heading of at most `S` characters is quoted whole (its author made it one answer);
 * another section scoring `X` of the best is shown after it. A question that asks for no single
 * value (how, why, whether, what the rules say) is answered with the passage around the answer
 * up to `W` characters, led by the passage's opening.
 */
export const WEIGHTS = { H: 1.5, C: 0.5, N: 0.25, P: 0.5, V: 0.6, M: 0.4, L: 0.3, R: 0.5, D: 0.5, F: 0.1, K: 0.07, Y: 0.7, Q: 0.15, second: 0.85, secondMax: 250, T: 350, S: 600, X: 0.8, W: 600, A: 1.3, G: 0.5, MV: 0.5, FW: 350, FY: 0, FL: 1 };
export type ComposeWeights = typeof WEIGHTS;

/** Concept bookkeeping shared by scoring and evidence: which of the question's ideas a text holds. */
export class ConceptIndex {
  private readonly cache = new Map<string, Set<number>>();
  readonly total: number;

  /**
   * `excused`: terms that only name the kind of value asked; the value answers them, so they weigh nothing.
   * `unkeyed`: terms a quote may answer without repeating ('lama' of 'berapa lama', answered by 'dua bulan'):
   * they weigh, but are never the key idea a quote must hold.
   */
  constructor(concepts: readonly WeightedConcept[], excused: ReadonlySet<string> = new Set(), question = '', unkeyed: ReadonlySet<string> = new Set()) {
    this.concepts = concepts.map((c) => (c.forms.some((f) => f.every((t) => excused.has(t))) ? { ...c, weight: 0 } : c));
    this.unkeyed = new Set(this.concepts.flatMap((c, i) => (c.forms.some((f) => f.every((t) => unkeyed.has(t))) ? [i] : [])));
    this.total = this.concepts.reduce((a, c) => a + c.weight, 0) || 1;
    const weighed = new Set(this.concepts.filter((c) => c.weight > 0).flatMap((c) => c.forms.flat()));
    this.phrases = new Phrases(question, (t) => weighed.has(t));
  }

  readonly concepts: readonly WeightedConcept[];
  private readonly unkeyed: ReadonlySet<number>;
  /** The question's words side by side, as a sentence may repeat them. */
  readonly phrases: Phrases;

  covered(text: string): Set<number> {
    let set = this.cache.get(text);
    if (!set) {
      const present = new Set(terms(text));
      set = new Set();
      this.concepts.forEach((c, i) => {
        if (c.forms.some((f) => f.every((t) => present.has(t)))) set!.add(i);
      });
      this.cache.set(text, set);
    }
    return set;
  }

  mass(set: Iterable<number>): number {
    let m = 0;
    for (const i of set) m += this.concepts[i]!.weight;
    return m / this.total;
  }

  /** The question's key concept: its rarest own (not context) idea. */
  get key(): number | null {
    return this.keys(1)[0] ?? null;
  }

  /**
   * The question's first own idea that some document uses, in its order: what a question names first is
   * its topic ('malam penghargaan … 2019 diadain di hotel mana' asks of an award night).
   */
  get first(): number | null {
    const at = this.concepts.findIndex((c, i) => !c.context && c.known !== false && c.weight > 0 && !this.unkeyed.has(i));
    return at >= 0 ? at : null;
  }

  /** The question's `n` rarest own ideas that some document uses. */
  keys(n: number): number[] {
    return this.concepts
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => !c.context && c.known !== false && c.weight > 0 && !this.unkeyed.has(i))
      .sort((a, b) => b.c.weight - a.c.weight || a.i - b.i)
      .slice(0, n)
      .map(({ i }) => i);
  }

  /** Share of the question's idf mass carried by words no document uses (0 when the question has none). */
  get unknownMass(): number {
    return this.mass(this.concepts.map((c, i) => (c.known === false && !c.context ? i : -1)).filter((i) => i >= 0));
  }
}

export interface Pick {
  readonly passage: Passage;
  /** Unit indexes quoted, in order; -1 marks a gap ('…'). */
  readonly units: readonly number[];
  readonly score: number;
}

/** A name is held when at least half of its terms are (a passage may shorten 'Ernest François Eugène Douwes Dekker'). */
function nameHeld(group: readonly string[], present: ReadonlySet<string>): boolean {
  return group.filter((t) => present.has(t)).length >= Math.ceil(group.length / 2);
}

export function missingNames(names: ReadonlyArray<readonly string[]>, present: ReadonlySet<string>): Array<readonly string[]> {
  return names.filter((g) => !nameHeld(g, present));
}

function namesHeld(names: ReadonlyArray<readonly string[]>, present: ReadonlySet<string>): number {
  return names.filter((g) => nameHeld(g, present)).length;
}

const union = (...sets: ReadonlyArray<ReadonlySet<number>>) => new Set(sets.flatMap((s) => [...s]));
const minus = (a: ReadonlySet<number>, b: ReadonlySet<number>) => new Set([...a].filter((x) => !b.has(x)));

/** The passage's context: what its title and section heading name. */
export function contextOf(p: Passage): string {
  return p.section && p.section !== p.hit.title ? `${p.hit.title} ${p.section}` : p.hit.title;
}

/** Words a dated report uses for a year relative to its date, and how far from it they point. */
const RELATIVE_YEARS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\btahun (?:depan|mendatang)\b/i, 1],
  [/\btahun (?:lalu|kemarin)\b/i, -1],
  [/\btahun ini\b/i, 0],
];

/** The years a text dated `publishedAt` means by 'tahun depan', 'tahun lalu' or 'tahun ini' (a 2022 report's 'tahun depan' is 2023). */
export function relativeYears(text: string, publishedAt: string | null | undefined): string {
  const year = Number(publishedAt?.slice(0, 4));
  if (!year) return '';
  return RELATIVE_YEARS.filter(([re]) => re.test(text)).map(([, d]) => year + d).join(' ');
}

/** The years a dated passage speaks of without writing them: its report's year and its relative years. */
export function datedYears(hit: { readonly publishedAt?: string | null; readonly text: string }): string {
  return `${hit.publishedAt?.slice(0, 4) ?? ''} ${relativeYears(hit.text, hit.publishedAt)}`;
}

/** The passage's own section heading, when it has one besides its title. */
export function headingOf(p: Passage): string {
  return p.section && p.section !== p.hit.title ? p.section : '';
}

/** What a sentence may leave unsaid because its passage says it: the title, section and opening sentence. */
export function subjectOf(p: Passage): string {
  return `${contextOf(p)} ${p.units[0]?.text ?? ''}`;
}

/** Index terms of the words that number stages ('tahap', 'bimtek', 'putaran'), and of 'bimbingan teknis'. */
const STAGE_TERMS = new Set(terms(`${STAGE_WORDS} teknis`));

/**
 * 'Tahap pertama' is 'tahap 1' (the index reads 'kedua', 'keempat' as their numbers already, 'pertama' as a
 * word); only after a stage word: 'pertama kali' numbers no stage.
 */
const FIRST_STAGE = new RegExp(`\\b(${STAGE_WORDS.replace(/ /g, '|')}|teknis)(\\)?)\\s+(?:${FIRST_WORDS})\\b`, 'giu');
const withOrdinals = (text: string): string => text.replace(FIRST_STAGE, '$1 1');

/**
 * A text states a stage when its number stands next to a stage word ('Bimtek Tahap II', 'bimtek ketiga',
 * 'tahap kedua'), not when the number appears anywhere ('kegiatan dua hari' is no 'tahap II').
 */
export function statesStage(stage: readonly string[], text: string): boolean {
  const t = terms(withOrdinals(text));
  return t.some((x, i) => x === stage[0] && nextToStageWord(t, i));
}

/** Numbers a text puts next to a stage word ('Buku 2', 'Tahap III' → '2', '3'), or next to one of `words` only. */
function stagesIn(text: string, words: ReadonlySet<string> = STAGE_TERMS): string[] {
  const t = terms(withOrdinals(text));
  return t.filter((x, i) => /^\d{1,2}$/.test(x) && nextToStageWord(t, i, words));
}

/** The term at `i` stands right before or after a stage word. */
function nextToStageWord(t: readonly string[], i: number, words: ReadonlySet<string> = STAGE_TERMS): boolean {
  return words.has(t[i - 1] ?? '') || words.has(t[i + 1] ?? '');
}

/** Index terms of the words that number an event's phases ('tahap', 'bimtek', 'sesi'), and of 'bimbingan teknis'. */
const PHASE_TERMS = new Set(terms(`${PHASE_WORDS} teknis`));

/** Numbers a text puts next to the words of an event's phases ('Tahap III', 'bimtek ketiga' → '3'); not a book's ('Buku 2'). */
const phasesIn = (text: string): string[] => stagesIn(text, PHASE_TERMS);

/** The text numbers an event's phases, and not the one asked ('Bimtek Tahap III' for 'bimtek IV'): what it tells is about another phase. */
export function statesOtherPhase(phase: readonly string[], text: string): boolean {
  const numbers = phasesIn(text);
  return numbers.length > 0 && !numbers.includes(phase[0]!);
}

/**
 * The text without what it tells of other phases than the one asked: a schedule's other rows, and the
 * sentences after one numbering another phase, up to one numbering a phase again or a paragraph's end
 * ('… memasuki bimtek tahap III. Kegiatan berlangsung … di Gedung Serbaguna' is no place for bimtek IV).
 */
export function withoutOtherPhases(text: string, phase: readonly string[]): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => {
      let current: string[] = [];
      return paragraph
        .split('\n')
        .map((line) =>
          sentences(line)
            .filter((s) => {
              const numbers = phasesIn(s);
              if (numbers.length > 0) current = numbers;
              return current.length === 0 || current.includes(phase[0]!);
            })
            .join(' '),
        )
        .join('\n');
    })
    .join('\n\n');
}

/** Kinds of documents whose section headings say what the section is about (a report's sub-headings need not). */
const GUIDANCE = new Set(['panduan', 'faq', 'checklist']);

/**
 * A guide's section headed for another number of the stage asked ('Apa isi draf Buku 2 …' for 'isi buku 1'):
 * it is about that other one, whatever it mentions in passing.
 */
function titledForOtherStage(p: Passage, asked: Asked): boolean {
  if (asked.stages.length === 0 || !p.section || !GUIDANCE.has(p.hit.kind)) return false;
  // A numbered heading's own number ('5. Berapa tahap …?') numbers the entry, not a stage.
  const titled = stagesIn(lastHeading(p.section).replace(/^\s*\d{1,2}[.)]\s+/, ''));
  return titled.length > 0 && asked.stages.every((g) => !titled.includes(g[0]!));
}

/** How much such a section weighs. */
const OTHER_STAGE = 0.3;

/**
 * How much a passage weighs for the case the question pins down: `other` (WEIGHTS.Y) when it nowhere
 * states the pinned year, name or stage, less again when a guide's section is headed for another stage.
 */
export function caseWeight(p: Passage, asked: Asked, other: number): number {
  return (statesPinned(p, asked) ? 1 : other) * (titledForOtherStage(p, asked) ? OTHER_STAGE : 1);
}

const pinCache = new WeakMap<Passage, boolean>();
/**
 * A passage that nowhere states what the question pins down (its year, a named body, its stage next
 * to a stage word: a section on 'Tahap II' with a row 'No: 1' does not state 'tahap I') answers another case.
 */
export function statesPinned(p: Passage, asked: Asked): boolean {
  if (asked.pinned.length === 0) return true;
  let held = pinCache.get(p);
  if (held === undefined) {
    const text = `${p.hit.text} ${contextOf(p)} ${datedYears(p.hit)}`;
    const present = new Set(terms(text));
    held = missingNames(asked.pinned.filter((g) => !asked.stages.includes(g)), present).length === 0 && asked.stages.every((g) => statesStage(g, text));
    pinCache.set(p, held);
  }
  return held;
}

export interface Scorer {
  unitScore(p: Passage, at: number): number;
  /** The unit defines what a definition question asks about ('X adalah …', or opens a section titled X). */
  defines(p: Passage, at: number): boolean;
  /** Asked for an abbreviation's long form, the unit spells it out ('SPBE (Sistem Pemerintahan …)'). */
  expands(p: Passage, at: number): boolean;
}

/** A signer's name as a signature writes it, in capitals after any short title ('Dr. H. AGUS …'). */
const SIGNER_SOURCE = '(?:[\\p{L}]{1,4}\\.\\s+)*\\p{Lu}{2,}';

/** Who did it, named after the deed: 'didirikan oleh Brian Jones', 'karya Masashi Kishimoto', 'dipimpin Sekda …'. */
const AGENT = new RegExp(
  `\\b(?:oleh|karya|ciptaan|besutan|garapan|gubahan|buatan|arahan|pimpinan|dipimpin|diketuai)\\s+(?:\\p{Lu}|(?:bapak|ibu|pak|bu)\\s+\\p{Lu})|^\\s*ttd\\.?\\s*$|${SIGN_MARK_SOURCE}\\s+${SIGNER_SOURCE}`,
  'u',
);

/** A term at the head of a line, glossed after a dash or a colon: 'Smart Living – …', '2. Quick win: …'. */
const GLOSSED = /^[\s•*▪◦●-]*(?:\d{1,2}[.)]\s*)?([^–—:;,.]{2,60}?)\s+[–—-]\s+\S|^[\s•*▪◦●-]*(?:\d{1,2}[.)]\s*)?([^–—:;,.]{2,60}?):\s+\S/u;

/** 'X adalah …', 'X (…) merupakan …', 'yang disebut X ialah …': a sentence that defines X. */
const COPULA = /\b(adalah|merupakan|ialah|yaitu|yakni|disebut|artinya|berarti|merujuk (?:pada|kepada)|didefinisikan)\b/i;

function definesTerm(unit: string, defined: readonly string[]): boolean {
  // 'Genetika (dari bahasa Yunani …, "melahirkan") adalah …': an aside between the term and its copula is no part of either.
  unit = unit.replace(/\([^()]*\)/g, ' ');
  // 'Smart Living – gaya hidup …', '• Dewan: forum …': a list of terms, each glossed after a dash or a colon.
  const glossed = GLOSSED.exec(unit);
  if (glossed && defined.length > 0) {
    const head = terms(glossed[1] ?? glossed[2]!);
    if (head.length === defined.length && defined.every((t, i) => head[i] === t)) return true;
  }
  const m = COPULA.exec(unit);
  if (!m || m.index > 200) return false;
  const head = new Set(terms(unit.slice(0, m.index)));
  return defined.length > 0 && defined.every((t) => head.has(t));
}

/**
 * How a unit spells out the abbreviation: 'PADUKA LAMTENG (Petugas Adminduk …)', 'Sistem Pemerintahan Berbasis
 * Elektronik (SPBE)', 'SPBE merupakan singkatan dari …'.
 */
function expansionOf(phrase: string): RegExp | null {
  const term = phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  if (!term) return null;
  return new RegExp(
    `\\b${term}\\s*\\(\\s*\\p{L}[^()]*\\s[^()]*\\)|\\p{L}[^()]*\\s[^()]*\\(\\s*${term}\\s*\\)|\\b${term}\\s+(?:(?:adalah|merupakan|ialah)\\s+)?(?:singkatan|kependekan|akronim)\\b`,
    'iu',
  );
}

/** A section titled with the defined term ('Quick win (QW)' for 'qw', 'Dewan Smart City (Dewan SC)'). */
function titledWith(section: string, defined: readonly string[]): boolean {
  if (defined.length === 0) return false;
  // The entry's name leads its title, or is its abbreviation in brackets: 'Pembentukan Dewan Smart City dan Tim
  // Pelaksana' names a stage about the Dewan, not the Dewan itself.
  const bracket = new Set(terms(/\(([^)]*)\)/.exec(section)?.[1] ?? ''));
  const name = terms(section.replace(/\([^)]*\)/, ' '));
  const leads = defined.every((t, i) => name[i] === t) && name.length <= defined.length + 2;
  const abbreviated = defined.every((t) => bracket.has(t));
  return leads || abbreviated;
}

/** A signature block's mark ending its unit ('a.n. BUPATI …, SEKRETARIS DAERAH, ttd.'): the signer's name is the next unit. */
const SIGN_MARK_END = new RegExp(`${SIGN_MARK_SOURCE}\\s*$`, 'u');
const SIGNER_OPENS = new RegExp(`^\\s*${SIGNER_SOURCE}`, 'u');

/** A regulation's 'Diundangkan di …' block: the Sekretaris Daerah's signature there promulgates it, the head of region's above signs it. */
export function promulgates(p: Passage, at: number): boolean {
  for (let i = at; i >= Math.max(0, at - 3); i--) if (/\bdiundangkan di\b/i.test(p.units[i]!.text)) return true;
  return false;
}

/** The unit ends with a signature mark and the next one opens with the signer's name in capitals. */
export function signsAbove(p: Passage, at: number): boolean {
  return SIGN_MARK_END.test(p.units[at]!.text) && SIGNER_OPENS.test(p.units[at + 1]?.text ?? '');
}

export function createScorer(idx: ConceptIndex, asked: Asked, source: (p: Passage) => number, w: ComposeWeights = WEIGHTS): Scorer {
  const defined = asked.defines ? terms(asked.defines) : [];
  const passageCover = new Map<Passage, number>();
  const whole = (p: Passage) => {
    let m = passageCover.get(p);
    if (m === undefined) passageCover.set(p, (m = idx.mass(idx.covered(`${p.hit.text} ${contextOf(p)}`))));
    return m;
  };
  const namesIn = (text: string) => (asked.names.length === 0 ? 0 : namesHeld(asked.names, new Set(terms(text))) / asked.names.length);
  // Words of the asked term that the source's title names are its scope ('forum smart city kubu raya' in the
  // Kubu Raya regulation defines 'Forum Smart City'), unless they are all the term has.
  const ownTerms = new Map<Passage, readonly string[]>();
  const ownTerm = (p: Passage) => {
    let own = ownTerms.get(p);
    if (!own) {
      const scope = new Set(terms(contextOf(p)));
      const unscoped = defined.filter((t) => !scope.has(t));
      ownTerms.set(p, (own = unscoped.length > 0 ? unscoped : defined));
    }
    return own;
  };
  const expansion = asked.expansion && asked.defines !== null ? expansionOf(asked.defines) : null;
  const expands = (p: Passage, at: number) => expansion !== null && expansion.test(p.units[at]!.text);
  const defines = (p: Passage, at: number) =>
    defined.length > 0 &&
    (definesTerm(p.units[at]!.text, defined) || definesTerm(p.units[at]!.text, ownTerm(p)) || expands(p, at) || (at === 0 && titledWith(p.section, defined)));
  return {
    defines,
    expands,
    unitScore(p, at) {
      const u = p.units[at]!;
      // A dated report's 'tahun depan' states the year it means.
      // Every sentence of a dated report speaks of its year, written or not: the year a question names does not
      // tell one of its sentences from another ('penutupan … 2018' is the closing, not the 2018 launch).
      const years = datedYears({ publishedAt: p.hit.publishedAt, text: u.text }).trim();
      const own = idx.covered(years ? `${u.text} ${years}` : u.text);
      const ctx = minus(idx.covered(at > 0 ? subjectOf(p) : contextOf(p)), own);
      const near = minus(union(idx.covered(p.units[at - 1]?.text ?? ''), idx.covered(p.units[at + 1]?.text ?? '')), union(own, ctx));
      const measured = asked.measure !== null && holdsMeasure(asked.measure, u.text);
      // A figure in a unit of the measure asked ('selama 6 bulan' for 'berapa lama') answers better than any other figure;
      // a day for 'kapan' better than a year, which still dates it.
      // A place named ('di Ruang Kembang Joyo') answers 'di mana' better than a common noun ('di ruang rapat').
      const spans = asked.value ? valueSpans(asked, u.text, headingOf(p)) : [];
      const value = spans.length === 0 ? 0
        : (asked.measure && !measured && (asked.value !== 'date' || asked.measure === 'hari')) || (asked.value === 'place' && !spans.some((s) => namedPlace(u.text, s))) ? w.V * w.MV : w.V;
      const list = asked.list && (u.item || enumerationAround(p.units, at) !== null) ? w.L : 0;
      const names = w.M * namesIn(`${u.text} ${contextOf(p)} ${years}`);
      const heading = p.section && p.section !== p.hit.title ? w.H * (idx.mass(idx.covered(p.section)) + 0.5 * idx.mass(minus(idx.covered(p.parents), idx.covered(p.section)))) : 0;
      // Asked for an abbreviation's long form, the unit spelling it out answers better than one saying what it does.
      const definition = defines(p, at) ? (expands(p, at) ? 2 * w.D : w.D) : 0;
      const opening = at === 0 ? w.F : 0;
      const phrase = w.Q * idx.phrases.share(u.text);
      // Answering as asked: the doer named ('oleh …', a signature), a figure in the measure asked, or a form's line
      // labelled with the kind of value asked ('Tempat : Ruang …' for 'di mana', 'Hari, tanggal : …' for 'kapan').
      const asAsked = (asked.agent && (AGENT.test(u.text) || signsAbove(p, at)) && !promulgates(p, at)) || measured || labelledAsAsked(u.text, asked) ? w.G : 0;
      const score =
        idx.mass(own) + w.C * idx.mass(ctx) + w.N * idx.mass(near) + w.P * whole(p) + heading + value + list + names + definition + opening + phrase + asAsked + w.R * p.hit.score;
      return score * Math.max(0.3, 1 - w.K * p.rank) * source(p) * caseWeight(p, asked, w.Y);
    },
  };
}

/** A line labelled with a word for the kind of value asked ('Tempat : …', 'Waktu: …') that holds such a value. */
function labelledAsAsked(text: string, asked: Asked): boolean {
  const label = /^([^:;]{2,30}?)\s?:\s+\S/.exec(text)?.[1];
  return label !== undefined && asked.value !== null && terms(label).some((t) => asked.kindTerms.has(t)) && holdsValue(asked, text.slice(label.length));
}

/** The best unit over all passages (of those `only` admits). */
export function bestUnit(passages: readonly Passage[], scorer: Scorer, only?: (p: Passage, at: number) => boolean): { passage: Passage; at: number; score: number } | null {
  let best: { passage: Passage; at: number; score: number } | null = null;
  for (const p of passages) {
    p.units.forEach((_, at) => {
      if (only && !only(p, at)) return;
      const score = scorer.unitScore(p, at);
      if (!best || score > best.score) best = { passage: p, at, score };
    });
  }
  return best;
}

/**
 * The window quoted around the answering unit: the sentence it leans on ('Ia …', 'Kegiatan
 * ini …'), an earlier sentence naming what the question names when the unit does not, the
 * next unit when it completes the asked value or the unit announces it, and for list
 * questions the whole enumeration.
 */
export function windowAround(p: Passage, at: number, asked: Asked, scorer?: Scorer): number[] {
  const units = p.units;
  let from = at;
  let to = at;
  if (leansOnPrevious(units[at]!.text) && at > 0) from = at - 1;
  // 'Tidak.', 'Boleh.', 'Tidak dianjurkan.' before the reason: the verdict itself.
  if (from > 0 && VERDICT.test(units[from - 1]!.text)) from--;
  const en = enumerationAround(units, at) ?? (asked.list || /:\s*$/.test(units[at]!.text) ? enumerationAround(units, at + 1) : null);
  // A list item that itself holds the value asked, or defines the term asked ('7. Masterplan … adalah …'), is the answer; its whole list is not needed.
  const itemAnswers = units[at]!.item && !asked.list && ((asked.value !== null && holdsValue(asked, units[at]!.text, headingOf(p))) || (scorer?.defines(p, at) ?? false));
  if (en && (asked.list || en.from === at || (units[at]!.item && !itemAnswers))) {
    from = Math.min(from, en.from);
    to = Math.max(to, en.to);
  }
  // The signer's name below the mark belongs to the signature.
  if (signsAbove(p, to)) to++;
  const shown = () => units.slice(from, to + 1).map((u) => u.text).join(' ');
  const heading = headingOf(p);
  if (asked.value && !holdsValue(asked, shown(), heading) && units[to + 1] && units[to + 1]!.text.length < 250 && holdsValue(asked, units[to + 1]!.text, heading)) to++;
  const picked: number[] = [];
  // Still no value of the kind asked: the passage's best sentence holding one joins (in order).
  let valueAt = -1;
  if (asked.value && !holdsValue(asked, shown(), heading) && scorer) {
    let bestScore = 0;
    units.forEach((u, i) => {
      if ((i >= from && i <= to) || u.text.length > 400 || !holdsValue(asked, u.text, heading)) return;
      const sc = scorer.unitScore(p, i);
      if (sc > bestScore) [valueAt, bestScore] = [i, sc];
    });
  }
  // Names the question pins down that the window and the passage's context do not hold.
  const lacking = missingNames(asked.names, new Set(terms(`${shown()} ${contextOf(p)}`)));
  if (lacking.length > 0) {
    for (let i = from - 1; i >= Math.max(0, from - 4); i--) {
      const has = new Set(terms(units[i]!.text));
      if (lacking.some((g) => g.some((t) => has.has(t)))) {
        picked.push(i);
        if (i < from - 1) picked.push(-1);
        break;
      }
    }
  }
  for (let i = from; i <= to; i++) picked.push(i);
  if (valueAt >= 0) return withUnit(picked, valueAt);
  return picked;
}

/** A short yes/no verdict opening an answer ('Tidak.', 'Boleh.', 'Ya, dengan syarat.'). */
const VERDICT = /^(ya|iya|tidak|bukan|boleh|bisa|dapat|wajib|perlu|harus|benar|betul|sah|tidak (boleh|bisa|dapat|wajib|perlu|harus|dianjurkan|sah|selalu))\b[^.!?]{0,40}[.!]$/i;

/** Adds a unit to a picked window in document order; a gap of one unit is filled, a longer one marked -1 ('…'). */
export function withUnit(picked: readonly number[], at: number): number[] {
  const units = [...new Set([...picked.filter((i) => i >= 0), at])].sort((a, b) => a - b);
  const out: number[] = [];
  units.forEach((u, i) => {
    const prev = units[i - 1];
    if (prev !== undefined && u === prev + 2) out.push(prev + 1);
    else if (prev !== undefined && u > prev + 2) out.push(-1);
    out.push(u);
  });
  return out;
}

/**
 * The answer's own continuation: the units after the window, in order, while they still speak of
 * the question's ideas (or continue its list) and the quote is shorter than `target` characters.
 */
export function extendForward(p: Passage, picked: readonly number[], idx: ConceptIndex, target: number, relevantOnly = true): number[] {
  const out = [...picked];
  let length = out.reduce((a, i) => a + (i < 0 ? 2 : p.units[i]!.text.length + 1), 0);
  for (let next = Math.max(...out) + 1; next < p.units.length && length < target; next++) {
    const u = p.units[next]!;
    const prev = p.units[next - 1]!;
    // A list ends the quote; prose continues it only while it speaks of the question's ideas.
    if (prev.item && !u.item) break;
    if (relevantOnly && !(u.item && prev.item) && idx.mass(idx.covered(u.text)) < 0.15) break;
    if (length + u.text.length > target * 1.3) break;
    out.push(next);
    length += u.text.length + 1;
  }
  // A quote never stops at a colon: the items its last sentence announces ('… diselenggarakan pada:') follow it.
  const last = Math.max(...out);
  const announced = introducesList(p.units[last]!.text) ? enumerationAround(p.units, last) : null;
  if (announced) for (let i = last + 1; i <= announced.to; i++) out.push(i);
  return out;
}

/**
 * An explanation is read in its context: the passage's opening sentence, when it is not already
 * quoted and the quote has room, leads it (with '…' when it is not adjacent).
 */
export function withOpening(p: Passage, picked: readonly number[], target: number): number[] {
  const first = picked.find((i) => i >= 0) ?? 0;
  if (first === 0 || p.units[0]!.item) return [...picked];
  const length = picked.reduce((a, i) => a + (i < 0 ? 2 : p.units[i]!.text.length + 1), 0);
  return length + p.units[0]!.text.length <= target ? withUnit(picked, 0) : [...picked];
}
