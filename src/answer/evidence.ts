import { refusalMessages } from '../messages/index.ts';
import type { WeightedConcept } from '../retrieval/index.ts';
import { escapeRegExp, normalize, sentences, terms } from '../language/index.ts';
import { valueOfOtherYears, yearsAmong, type Composed } from './compose/index.ts';
import { numbersStage, stageTerms } from './compose/asked.ts';
import { namesRegion, withoutLongerNames } from '../regions/names.ts';
import type { RegionName } from './vocabulary.ts';

/**
 * Whether a composed answer holds what the question pins down: the evidence decides, never a
 * surface feature of the question alone. Pure: the service gathers the facts (the named
 * region, the cohorts the calendars hold) and acts on the verdict.
 */
export interface EvidenceInput {
  readonly question: string;
  readonly composed: Pick<Composed, 'text' | 'evidence' | 'asked' | 'citations'>;
  readonly concepts: readonly WeightedConcept[];
  /** The region the question names, if any. */
  readonly region: RegionName | null;
  /** Whether any retrieved passage speaks of that region (then the documents do know it, and only this answer is not about it). */
  readonly regionInDocuments?: boolean;
  /** Cohort years the calendars hold. */
  readonly cohorts: readonly number[];
  /** A generated answer: only the names and the cohort are checked (the model chose its words). */
  readonly generated?: boolean;
  readonly thresholds?: Thresholds;
}

export type EvidenceVerdict =
  | { readonly kind: 'ok' }
  /** Nothing quoted answers: say why, quote nothing. */
  | { readonly kind: 'refuse'; readonly message: string }
  /** The quoted passage itself says the thing is not published: show it, count it as a refusal. */
  | { readonly kind: 'not-held'; readonly hint: string };

/**
 * Thresholds chosen on the TyDi QA train split and the dev halves of our eval sets (see
 * bench/RESULTS.md): below `minCoverage` of the question's idf mass, or without its rarest idea
 * while holding less than `keyOptional` of the mass, the quote does not answer.
 */
export const THRESHOLDS = { minCoverage: 0.3, keyOptional: 0.3, factoidKey: true, maxUnknown: 1 };
export type Thresholds = typeof THRESHOLDS;

/** A sentence saying the thing is not published. */
const NOT_HELD = /\b(tidak|belum) (dimuat|dipublikasikan|diumumkan|tersedia untuk umum)\b|\bpandu tidak memuat\b/i;
/**
 * A report's words for a value not yet settled or told: its noun, then 'belum ditetapkan' ('tanggal dan
 * tempatnya belum ditetapkan'; 'masterplan belum ditetapkan dengan perbup' is a state, not a value unknown),
 * or a source not telling ('belum bisa menyebut kapan …', 'belum mau berkomentar', 'menunggu jadwal').
 */
const NOT_SETTLED = new RegExp(
  [
    '\\b(?:tanggal|jadwal|waktu|tempat|lokasi|jumlah|besaran|nilai|angka|nama|nomor)(?:nya)?\\b[^.;:]{0,60}\\b(?:belum|tidak) (?:ditetapkan|ditentukan|dipastikan|diputuskan|diketahui)\\b',
    '\\b(?:belum|tidak|enggan) (?:(?:bisa|dapat|mau|bersedia) )?(?:menyebut|menyebutkan|memastikan|merinci|berkomentar)\\b',
    '\\b(?:belum|tidak) (?:bisa|dapat) disampaikan\\b',
    '\\bmenunggu jadwal\\b',
  ].join('|'),
  'i',
);

export function checkEvidence(input: EvidenceInput): EvidenceVerdict {
  const { question, region, composed } = input;
  const ev = composed.evidence;
  // 'angkatan 2029' when the calendars hold other cohorts and the quote does not speak of it.
  const asked = [...question.matchAll(/\bangkatan\s+(20\d\d)\b/gi)].map((m) => Number(m[1]));
  // A quote that names the cohort, or a report published that year (on that year's cohort, whatever word it uses), is about it.
  const states = (y: number) => new RegExp(`angkatan\\s+${y}`, 'i').test(composed.text) || composed.citations.some((c) => c.published_at?.startsWith(String(y)));
  const uncovered = asked.filter((y) => !input.cohorts.includes(y) && !states(y));
  if (uncovered.length > 0 && input.cohorts.length > 0) return { kind: 'refuse', message: refusalMessages.cohortNotCovered(uncovered, input.cohorts) };
  // A region the programme's data does not cover is answered only from a quote about it (a news article).
  if (region && !region.inProgramme && !aboutRegion(region, composed)) {
    return { kind: 'refuse', message: input.regionInDocuments ? refusalMessages.regionNotAnswered(region.name) : refusalMessages.regionNotCovered(region.name) };
  }
  // Names and figures the question writes must be in the quote or its source's title and section;
  // the region it names is a scope, checked above.
  const missing = ev.namesMissing.filter((g) => !(region && g.every((t) => region.bare.split(' ').includes(t))));
  if (missing.length > 0) {
    const years = yearsAmong(missing.flat());
    if (years.length > 0) return { kind: 'refuse', message: refusalMessages.yearNotCovered(years) };
    return { kind: 'refuse', message: refusalMessages.namesNotCovered(namesAsWritten(question, missing.flat())) };
  }
  if (input.generated) return { kind: 'ok' };
  // The quote gives the value asked for, but for another year than the one the question pins. A person
  // named in a report of the year asked holds the role that year, whatever past year the sentence recounts.
  const reportYear = composed.citations[0]?.published_at?.slice(0, 4);
  const personThen = composed.asked.value === 'person' && reportYear !== undefined && yearsAmong(composed.asked.pinned.flat()).includes(reportYear);
  if (!personThen && valueOfOtherYears(composed.asked, composed.text)) {
    return { kind: 'refuse', message: refusalMessages.valueForOtherYears(composed.asked.value ?? '', yearsAmong(composed.asked.pinned.flat())) };
  }
  // The quote itself may say the thing is not published: that is the honest answer, shown.
  if (statesNotHeld(composed.text, input.concepts, region, composed.asked.kindTerms)) return { kind: 'not-held', hint: refusalMessages.notHeldHint };
  if (composed.asked.value && !ev.valueHeld) return { kind: 'refuse', message: refusalMessages.missingValue(composed.asked.value) };
  const t = input.thresholds ?? THRESHOLDS;
  // A yes/no question is answered by the rule, which need not repeat the alternative asked about
  // ('boleh diteken sekda?' — 'ditandatangani langsung oleh Bupati'): its ideas, not its rarest one, decide.
  // A question for one fact is answered only by a quote about its rarest idea ('denda', 'presentasi').
  if (composed.asked.factoid && t.factoidKey && !ev.keyHeld) return { kind: 'refuse', message: refusalMessages.missingValue('') };
  // A figure, a building or a list about another thing than the one asked ('berapa honor …' — 'anggaran Rp 185 juta').
  if (!ev.focusHeld) return { kind: 'refuse', message: refusalMessages.missingValue(composed.asked.value ?? '') };
  // Words no document uses carry much of the question ('cuaca di lovina besok'): the documents do not speak of it.
  if (ev.unknownMass > t.maxUnknown) return { kind: 'refuse', message: refusalMessages.missingValue('') };
  const keyNeeded = !composed.asked.whether && !ev.keyHeld;
  if (ev.coverage < t.minCoverage || (keyNeeded && ev.coverage < t.keyOptional)) return { kind: 'refuse', message: refusalMessages.missingValue('') };
  return { kind: 'ok' };
}

/**
 * The main quote, or its source's title and section ('Berita: Pemkab Gowa …'), is about the
 * region: named with its own kind ('Kota Tegal', 'Pemkot Tegal'), or bare when the other kind
 * ('Kabupaten Tegal') is not what it names.
 */
function aboutRegion(region: RegionName, composed: Pick<Composed, 'text' | 'evidence'>): boolean {
  const text = withoutLongerNames(normalize(composed.evidence.about || composed.text), region.bare);
  const own = region.name.startsWith('Kota ') ? '(?:kota|pemkot|pemerintah kota)' : '(?:kabupaten|kab\\.?|pemkab|pemerintah kabupaten)';
  const other = region.name.startsWith('Kota ') ? '(?:kabupaten|kab\\.?|pemkab|pemerintah kabupaten)' : '(?:kota|pemkot|pemerintah kota)';
  const bare = escapeRegExp(region.bare);
  if (new RegExp(`\\b${own}\\s+${bare}\\b`).test(text)) return true;
  if (new RegExp(`\\b${bare}\\b`).test(text)) return !new RegExp(`\\b${other}\\s+${bare}\\b`).test(text);
  // Shortened as reports write it ('Kotim', 'Pemkab Kotim').
  return namesRegion(text, region.bare);
}

/** The question's own words for index terms it names ('Sragen', '2024'). */
function namesAsWritten(question: string, missing: readonly string[]): string[] {
  const out: string[] = [];
  const words = question.split(/[\s?,.!]+/);
  words.forEach((w, i) => {
    // A stage is written with the word it numbers: 'rakor pertama', 'tahap IV'.
    const stage = i > 0 && numbersStage(words[i - 1]!, w);
    const written = stage ? `${words[i - 1]} ${w}` : w;
    if (w && (stage ? stageTerms(w) : terms(w)).some((t) => missing.includes(t)) && !out.includes(written)) out.push(written);
  });
  return out.length > 0 ? out : [...missing];
}

/**
 * A sentence of the answer says the documents do not hold what the question's rarest terms ask about:
 * one of its two rarest ideas for a thing not published; for a thing not yet settled, its rarest idea
 * besides the region it names (a scope) and the words for the kind of value (they only name what is
 * asked): 'Ia belum bisa menyebut kapan bimtek tahap I digelar' for 'bimtek tahap I mamuju tengah tgl brp'.
 */
function statesNotHeld(answer: string, concepts: readonly WeightedConcept[], region: RegionName | null, kindTerms: ReadonlySet<string>): boolean {
  const byWeight = [...concepts].sort((a, b) => b.weight - a.weight);
  const aside = new Set([...(region ? terms(region.bare) : []), ...kindTerms]);
  const rarest = byWeight.find((c) => !c.forms.some((f) => f.every((t) => aside.has(t))));
  return sentences(answer).some((s) => {
    const published = NOT_HELD.test(s);
    if (!published && !NOT_SETTLED.test(s)) return false;
    const present = new Set(terms(s));
    const holds = (c: WeightedConcept) => c.forms.some((f) => f.every((t) => present.has(t)));
    return published ? byWeight.slice(0, 2).some(holds) : rarest !== undefined && holds(rarest);
  });
}
