import type { SearchHit, WeightedConcept } from '../../retrieval/index.ts';
import { sentences, terms, words } from '../../language/index.ts';
import { answerMessages, formatDate } from '../../messages/index.ts';
import { citationOf } from '../citations.ts';
import type { Citation } from '../types.ts';
import { readQuestion, type Asked } from './asked.ts';
import { bestUnit, ConceptIndex, promulgates, signsAbove, statesOtherPhase, statesStage, withoutOtherPhases, WEIGHTS as COMPOSE_WEIGHTS, contextOf, headingOf, createScorer, datedYears, subjectOf, extendForward, missingNames, windowAround, withUnit, type ComposeWeights, type Pick } from './select.ts';
import { explanationPicks, preambleSpan } from './explain.ts';
import { sourceWeigher } from './source.ts';
import { enumerationAround, passageOf, type Passage } from './units.ts';
import { holdsValue, namedPlace, namesDay, reportDatesIt, spelledMonths, statesCalendarDate, valueSpans } from './values.ts';
import { namesRegion, provincesOf } from '../../regions/names.ts';

export { readQuestion, type Asked, type ValueKind } from './asked.ts';
export { holdsValue, hasPersonName, SIGN_MARK_SOURCE, valueOfOtherYears, yearsAmong } from './values.ts';
export { WEIGHTS as COMPOSE_WEIGHTS, type ComposeWeights } from './select.ts';

/** Answer text shown at once, by where it is read (configurable; see config). */
export const DEFAULT_BUDGET = 1_200;
/** Items of an enumeration shown before 'dan N lainnya'… */
export const LIST_ITEMS_SHOWN = 12;
/** …unless they are short (names of regions, of bodies): then up to twice as many, in this many characters. */
const SHORT_LIST_CHARS = 600;
/** A supporting unit scores at least this share of the answering one. */
const SUPPORT_MIN = 0.6;
/** The nouns of a score as a quote writes them. */
const SCORE_WORD = /\b(?:skor|skornya|nilai|nilainya|poin|indeks|indeksnya|rating)\b/i;
/** The same for a sentence giving the place a 'kapan dan di mana' question asks besides the date. */
const PLACE_SUPPORT_MIN = 0.4;
/** How many candidates the composer reads. */
const CANDIDATES = 6;

/** What the quoted text holds of the question: the basis of the decision to answer or refuse. */
export interface Evidence {
  /** Share of the question's idf mass the quote and its sources' titles/sections hold. */
  readonly coverage: number;
  /** The question's rarest idea is in the quote (or its source's title/section). */
  readonly keyHeld: boolean;
  /** The asked kind of value is in the quote (true when none is asked). */
  readonly valueHeld: boolean;
  /** Pinned names of the question (their index terms) that neither the quote nor its sources' titles hold. */
  readonly namesMissing: ReadonlyArray<readonly string[]>;
  /** What the main quote's passage is about: its title, section and whole text. */
  readonly about: string;
  /** The question's two rarest ideas are both in the quote (or its sources' titles). */
  readonly keysHeld: boolean;
  /** Share of the question's weight on words no document uses ('cuaca', 'resep'). */
  readonly unknownMass: number;
  /** The quote (or its sources' titles) speaks of the thing whose value is asked (`Asked.focus`; true when none). */
  readonly focusHeld: boolean;
}

export interface Composed {
  /** The answer as shown at once, within the budget. */
  readonly text: string;
  /** What did not fit, and the rest of the quoted section: shown on request ('selengkapnya'). */
  readonly more: string;
  readonly citations: Citation[];
  readonly evidence: Evidence;
  readonly asked: Asked;
}

export interface ComposeOptions {
  /** The region the question is about (named in it, or the chat's). */
  readonly region?: string | null;
  /** The question names that region itself ('QW kota palu apa aja?'). */
  readonly regionNamed?: boolean;
  /** The named region's name without its kind ('palu'): a supporting quote must be about it too. */
  readonly regionBare?: string;
  /** Characters shown at once. */
  readonly budget?: number;
  /** Another passage's unit may join the answer when it brings missing ideas (default true). */
  readonly supporting?: boolean;
  /** Scoring weights (tuning only; the defaults are the shipped ones). */
  readonly weights?: ComposeWeights;
}

/** A passage that is a section of a document, under a heading of its own. */
function isSection(p: Passage): boolean {
  return p.section !== '' && p.section !== p.hit.title;
}

/**
 * For a list question, a window holding a list is cut to that list and the sentence announcing it;
 * of several lists, to the one holding most of the question's ideas (its announcing sentence
 * included: 'Berikut kota peraih nilai tertinggi di setiap kategori IKCI 2018:').
 */
function toEnumeration(k: Pick, idx: ConceptIndex, asked: Asked): Pick {
  // Ideas the source's title already names ('Peraturan Bupati Kubu Raya …') tell none of its lists apart.
  const outside = idx.covered(`${contextOf(k.passage)} ${datedYears(k.passage.hit)}`);
  let best: { from: number; to: number; own: number; cover: number; asked: boolean } | null = null;
  for (const i of k.units) {
    if (i < 0 || !k.passage.units[i]!.item || (best && i <= best.to)) continue;
    const en = enumerationAround(k.passage.units, i);
    // A regulation's reasons and legal bases answer only a question about them.
    const preamble = en ? preambleSpan(k.passage, en.from, en.to) : null;
    if (!en || (preamble && preamble !== asked.basis)) continue;
    const held = idx.covered(k.passage.units.slice(en.from, en.to + 1).map((u) => u.text).join(' '));
    const own = idx.mass([...held].filter((c) => !outside.has(c)));
    const cover = idx.mass(held);
    // 'dasar hukumnya apa aja': the part of the preamble asked for, whatever its words.
    const isAsked = preamble !== null && preamble === asked.basis;
    if (!best || (isAsked && !best.asked) || (isAsked === best.asked && (own > best.own || (own === best.own && cover > best.cover)))) best = { ...en, own, cover, asked: isAsked };
  }
  if (!best) return k;
  // The whole enumeration, even where the window cut it: 'dan N lainnya' and the budget bound it.
  const units: number[] = [];
  for (let i = best.from; i <= best.to; i++) units.push(i);
  return { ...k, units: asked.province ? inProvince(k.passage, units, asked.province) : units };
}

/**
 * 'daerah jatim yg lolos … apa aja': of a list whose items name regions or provinces, the items in the
 * province asked (by its name or a kabupaten's or kota's in it), with the units announcing them. A list
 * none of whose items is there, or that names no places, is left whole.
 */
function inProvince(p: Passage, units: readonly number[], province: string): number[] {
  const items = units.filter((i) => p.units[i]!.item);
  const places = items.map((i) => provincesOf(p.units[i]!.text));
  if (places.filter((s) => s.size > 0).length < 2) return [...units];
  const kept = new Set(items.filter((_, j) => places[j]!.has(province)));
  if (kept.size === 0 || kept.size === items.length) return [...units];
  return units.filter((i) => !p.units[i]!.item || kept.has(i));
}

function secondBest(p: Passage, taken: readonly number[], scorer: ReturnType<typeof createScorer>): { at: number; score: number; text: string } | null {
  let out: { at: number; score: number; text: string } | null = null;
  for (const [at, u] of p.units.entries()) {
    if (taken.includes(at)) continue;
    const score = scorer.unitScore(p, at);
    if (!out || score > out.score) out = { at, score, text: u.text };
  }
  return out;
}

function render(p: Passage, picked: readonly number[]): string {
  const parts = picked.map((i) => (i < 0 ? '…' : p.units[i]!.text));
  const anyItem = picked.some((i) => i >= 0 && p.units[i]!.item);
  // A list item quoted without its announcing sentence is read under its section's name ('Smart Society: …').
  const first = picked.find((i) => i >= 0);
  const label = first !== undefined && p.units[first]!.item && p.section && p.section !== p.hit.title && !p.units[first]!.text.startsWith(p.section) ? `${p.section}:` : null;
  const text = parts.join(anyItem ? '\n' : ' ');
  return label ? `${label}\n${text}` : text;
}

/**
 * An enumeration longer than the list limit: the first items, then how many of its items are left
 * ('dan N lainnya'; what follows the list is offered too, but is not counted among them).
 */
function limitItems(p: Passage, picked: readonly number[]): { shown: number[]; rest: number[]; left: number } {
  const items = picked.filter((i) => i >= 0 && p.units[i]!.item);
  const chars = items.reduce((n, i) => n + p.units[i]!.text.length + 1, 0);
  if (items.length <= LIST_ITEMS_SHOWN || (items.length <= 2 * LIST_ITEMS_SHOWN && chars <= SHORT_LIST_CHARS)) return { shown: [...picked], rest: [], left: 0 };
  const cut = items[LIST_ITEMS_SHOWN - 1]!;
  const rest = picked.filter((i) => i > cut);
  const end = rest.findIndex((i) => i < 0 || !p.units[i]!.item);
  return { shown: picked.filter((i) => i <= cut), rest, left: end < 0 ? rest.length : end };
}

/** A document's line setting or promulgating it: 'Ditetapkan di Batulicin pada tanggal 20 Desember 2024'. */
const ENACTED_AT = /\b(?:ditetapkan|diundangkan)\s+di\s+\S.{0,60}?\bpada\s+tanggal\b/i;

/**
 * The offline answer: the sentence that holds the fact, from the best of the top passages,
 * with only the neighbours that complete it, and for list questions the whole enumeration.
 * Sentences are scored for the question's ideas (idf-weighted, the subject the passage's
 * title and section supply), for the kind of value asked (a date for 'kapan', a place for
 * 'di mana', a name or office for 'siapa', a figure for 'berapa'), for the names and figures
 * the question writes, and by the passage's search rank and source. Everything is quoted and
 * cited; what does not fit the budget is returned as `more`.
 */
export function composeAnswer(
  question: string,
  hits: readonly SearchHit[],
  concepts: readonly WeightedConcept[],
  options: ComposeOptions = {},
): Composed {
  const asked = readQuestion(question);
  // 'berapa lama' is answered by 'dua bulan': the measure's word need not be quoted; 'diadakan dmn' by 'digelar di …',
  // 'di hotel mana' by 'Hotel Sahid'.
  const unkeyed = asked.value === 'number' && asked.measure ? terms(asked.measure) : asked.value === 'date' || asked.value === 'place' ? [...asked.occurrence, ...(asked.focus ?? [])] : [];
  const idx = new ConceptIndex(concepts, asked.kindTerms, question, new Set(unkeyed));
  const passages = hits.slice(0, CANDIDATES).map(passageOf).filter((p) => p.units.length > 0);
  const plain = words(question).join(' ');
  // A definition asked from a source of its own is not the glossary's to give.
  const source = sourceWeigher(plain, options.region ?? null, asked.defines !== null && !asked.definedBySource, options.regionNamed ?? false, options.regionBare);
  const scorer = createScorer(idx, asked, source, options.weights);
  const none: Evidence = { coverage: 0, keyHeld: false, valueHeld: false, namesMissing: asked.pinned, about: '', keysHeld: false, unknownMass: idx.unknownMass, focusHeld: false };
  // The passage is chosen by its best window (robust: a fact's words are spread over its sentences) …
  const windows = explanationPicks(passages, idx, asked, source);
  if (windows.length === 0) return { text: '', more: '', citations: [], evidence: none, asked };
  // A definition asked from a source is a sentence to quote only when that source defines the term; its words
  // about it ('… menyebut kota cerdas sebagai …') are quoted as a passage.
  const ofSource = (p: Passage) => p.hit.document === windows[0]!.passage.hit.document;
  const sourceDefines = () => passages.some((p) => ofSource(p) && p.units.some((_, at) => scorer.defines(p, at)));
  const factoid = asked.factoid || (asked.defines !== null && (!asked.definedBySource || sourceDefines()));
  const w0 = options.weights ?? COMPOSE_WEIGHTS;
  if (!factoid || w0.A === 0) return finish(asked.list ? windows.map((w) => toEnumeration(w, idx, asked)) : windows, windows[0]!.passage, asked, idx, options);
  if (w0.A < 0) {
    const small = explanationPicks(passages, idx, asked, source, { window: w0.FW, runnerUp: w0.FY, lead: w0.FL > 0 });
    return finish(small, small[0]!.passage, asked, idx, options);
  }
  // … and a question for one fact is answered by its sentence, leading, with what completes it.
  const chosen = windows[0]!.passage;
  const anywhere = bestUnit(passages, scorer)!;
  const inChosen = bestUnit([chosen], scorer)!;
  // A definition is answered by the sentence (or glossary entry) defining the term, wherever it is, when the chosen passage has none;
  // otherwise another passage's sentence wins when it scores clearly better.
  // A definition asked from a source ('… menurut sekda deli serdang') is that source's, or its words as they stand.
  // An abbreviation's long form is asked: the sentence spelling it out, wherever it is, over one saying what it does.
  const spelling = asked.expansion && !scorer.expands(inChosen.passage, inChosen.at) ? bestUnit(passages, scorer, (p, at) => scorer.expands(p, at)) : null;
  // 'yg ttd siapa' of a letter or a decree: its signature block (not promulgation's), when the chosen document has one.
  const signature = asked.signs && !signsAbove(inChosen.passage, inChosen.at)
    ? bestUnit(passages, scorer, (p, at) => p.hit.document === chosen.hit.document && signsAbove(p, at) && !promulgates(p, at))
    : null;
  // 'perbup … ditetapkan kapan': the chosen document's own line setting it ('Ditetapkan di Batulicin pada tanggal …').
  const enactment = asked.enacted && !ENACTED_AT.test(inChosen.passage.units[inChosen.at]!.text)
    ? bestUnit(passages, scorer, (p, at) => p.hit.document === chosen.hit.document && ENACTED_AT.test(p.units[at]!.text))
    : null;
  const defining = spelling ?? signature ?? enactment ?? (asked.defines !== null && !scorer.defines(inChosen.passage, inChosen.at) ? bestUnit(passages, scorer, (p, at) => (!asked.definedBySource || ofSource(p)) && scorer.defines(p, at)) : null);
  const best = defining ?? (anywhere.passage !== chosen && anywhere.score >= (options.weights ?? COMPOSE_WEIGHTS).A * inChosen.score ? anywhere : inChosen);
  let mainUnits = windowAround(best.passage, best.at, asked, scorer);
  const w = options.weights ?? COMPOSE_WEIGHTS;
  // A short section under its own heading is one answer: quoted whole, in its order.
  const wholeSection = isSection(best.passage) && best.passage.hit.text.length <= w.S;
  if (wholeSection) mainUnits = best.passage.units.map((_, i) => i);
  // The passage's next-best sentence joins when it scores nearly as well (two candidates: the reader can tell).
  const second = secondBest(best.passage, mainUnits, scorer);
  const listShown = mainUnits.some((i) => i >= 0 && best.passage.units[i]!.item);
  if (!listShown && second && second.score >= w.second * best.score && second.text.length <= w.secondMax) mainUnits = withUnit(mainUnits, second.at);
  mainUnits = extendForward(best.passage, mainUnits, idx, w.T);
  const picks: Pick[] = [{ passage: best.passage, units: mainUnits, score: best.score }];
  const shownText = () => picks.map((k) => render(k.passage, k.units)).join(' ');
  // A unit of another passage joins when it brings ideas or the asked value the first lacks.
  const have = idx.covered(`${shownText()} ${contextOf(best.passage)}`);
  const missing = idx.concepts.map((_, i) => i).filter((i) => !have.has(i) && !idx.concepts[i]!.context && idx.concepts[i]!.weight > 0);
  const lacksValue = asked.value !== null && !holdsValue(asked, shownText(), headingOf(best.passage));
  // 'kapan dan di mana': the place joins the date when the quote does not give it.
  const placeAsked: Asked = { ...asked, value: 'place', alsoPlace: false, measure: null, focus: null };
  // A named place ('di Balai Sudirman'), not a common noun ('75 kabupaten/kota'), tells where.
  const namesPlace = (text: string, p: Passage) => valueSpans(placeAsked, text, headingOf(p)).some((span) => namedPlace(text, span));
  const lacksPlace = asked.alsoPlace && !namesPlace(shownText(), best.passage);
  const aboutSame = (p: Passage) => {
    const text = `${p.hit.text} ${contextOf(p)}`;
    const present = new Set(terms(text));
    return missingNames(asked.pinned, present).length === 0 && (!options.regionBare || namesRegion(text, options.regionBare));
  };
  if (options.supporting !== false && !listShown && (idx.mass(missing) >= 0.2 || lacksValue || lacksPlace)) {
    let extra: { passage: Passage; at: number; gain: number } | null = null;
    for (const p of passages) {
      for (const [at, u] of p.units.entries()) {
        if (p === best.passage && (mainUnits.includes(at) || (Math.abs(at - best.at) <= 1 && !lacksPlace))) continue;
        if (u.text.length > 350 || u.text.length < 20) continue;
        const got = idx.covered(`${u.text} ${contextOf(p)}`);
        // It must speak of what the question pins down (the region, the names) as the first quote does:
        // a date from another region's calendar does not answer for this one.
        if (!aboutSame(p)) continue;
        // It must be about the question's key idea, and bring what the first quote lacks.
        if (idx.key !== null && !got.has(idx.key)) continue;
        let gain = idx.mass(missing.filter((i) => got.has(i)));
        if (lacksValue && holdsValue(asked, u.text, headingOf(p))) gain += 0.3;
        const placeHere = lacksPlace && namesPlace(u.text, p);
        if (placeHere) gain += 0.3;
        const relative = scorer.unitScore(p, at) / best.score;
        // (It was scored for the date: the place it adds is what it is for.)
        if (relative < (placeHere ? PLACE_SUPPORT_MIN : SUPPORT_MIN)) continue;
        gain *= relative;
        if (gain > (extra?.gain ?? 0.12)) extra = { passage: p, at, gain };
      }
    }
    if (extra) {
      // From the first quote's passage, only what it does not already show.
      const units = windowAround(extra.passage, extra.at, { ...asked, list: false }, scorer).filter((i) => extra.passage !== best.passage || (i >= 0 && !mainUnits.includes(i)));
      if (units.length > 0) picks.push({ passage: extra.passage, units, score: extra.gain });
    }
  }
  // Another section that scores nearly as well is shown too: with two close candidates the
  // composer cannot tell which one answers, and the reader can.
  if (options.supporting !== false && picks.length === 1 && w.X > 0) {
    const runner = bestUnit(passages.filter((p) => p !== best.passage && isSection(p) && p.section !== best.passage.section && aboutSame(p)), scorer);
    if (runner && isSection(best.passage) && runner.score >= w.X * best.score) {
      const units = runner.passage.hit.text.length <= w.S ? runner.passage.units.map((_, i) => i) : windowAround(runner.passage, runner.at, asked, scorer);
      picks.push({ passage: runner.passage, units, score: runner.score });
    }
  }

  return finish(picks, best.passage, asked, idx, options);
}

/** Renders the picks within the budget (the rest, and the rest of the main passage, as `more`), cites them, and weighs the evidence. */
function finish(picks: readonly Pick[], main: Passage, asked: Asked, idx: ConceptIndex, options: ComposeOptions): Composed {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const shownParts: string[] = [];
  const moreParts: string[] = [];
  const citations: Citation[] = [];
  let used = 0;
  for (const k of picks) {
    const { shown, rest, left } = limitItems(k.passage, k.units);
    let text = render(k.passage, shown);
    if (rest.length > 0) {
      text += `\n${answerMessages.andMore(left)}`;
      moreParts.push(render(k.passage, rest));
    }
    if (used > 0 && used + text.length > budget) {
      moreParts.push(text);
      continue;
    }
    if (text.length > budget) {
      // Cut at a unit boundary, in order (a line is never skipped for a later one); the rest is offered.
      // When what fits lacks the asked value, the line holding it follows the first line instead (or stands alone).
      const lines = text.split('\n');
      let n = 0;
      for (let used = -1; n < lines.length && used + 1 + lines[n]!.length <= budget; n++) used += 1 + lines[n]!.length;
      let keptIdx = Array.from({ length: n }, (_, i) => i);
      const heading = headingOf(k.passage);
      const valueAt = asked.value !== null && !holdsValue(asked, lines.slice(0, n).join('\n'), heading) ? lines.findIndex((l, i) => i >= n && holdsValue(asked, l, heading)) : -1;
      if (valueAt > 0 && lines[0]!.length + 1 + lines[valueAt]!.length <= budget) keptIdx = [0, valueAt];
      else if (valueAt > 0 && lines[valueAt]!.length <= budget) keptIdx = [valueAt];
      moreParts.push(lines.filter((_, i) => !keptIdx.includes(i)).join('\n').trim());
      text = keptIdx.map((i) => lines[i]).join('\n') || text.slice(0, budget);
    }
    shownParts.push(text);
    used += text.length + 2;
    citations.push(citationOf(k.passage.hit, render(k.passage, shown)));
  }
  // 'Selengkapnya' offers the rest of the main passage too.
  const unshown = main.units.map((_, i) => i).filter((i) => !picks[0]!.units.includes(i));
  if (unshown.length > 0) moreParts.push(render(main, unshown));

  // 'kapan …' about a news report that dates the event only by its dateline ('pada Selasa pagi') or
  // by its year alone: the report's day joins the quote.
  // The lead sentence decides: a later one dating another event ('Bimtek I digelar 10-11 Juli') does not date this one.
  const lead = sentences(shownParts[0] ?? '')[0] ?? '';
  const dated = main.hit.publishedAt && asked.value === 'date' && !statesCalendarDate(lead, true);
  // What the sources say, before the report's own date joins it.
  const quoted = shownParts.join('\n\n');
  if (dated) shownParts.push(answerMessages.datelineNote(formatDate(main.hit.publishedAt!), main.hit.place ?? null));
  const text = shownParts.join('\n\n').trim();
  // A source's title and section, its passage's opening sentence (a report's lead names its subject: 'Indeks Kota
  // Cerdas Indonesia (IKCI) 2018 …'), and a news report's dateline (its place and year) stand with the quote.
  const contexts = picks.map((k) => `${subjectOf(k.passage)} ${k.passage.hit.place ?? ''} ${datedYears(k.passage.hit)}`).join(' ');
  const held = idx.covered(`${text} ${spelledMonths(text)} ${contexts}`);
  const present = new Set(terms(`${text} ${contexts}`));
  const key = idx.key;
  // 'malam penghargaan 2019 diadain di hotel mana': the verb says only that an event took place, so the event is the
  // question's topic, its first idea, which the quote must hold too (an evaluation's hotel is no award night's).
  const event = asked.occurrence.length > 0;
  // 'bimtek tahap II tgl brp': a schedule's row or a sentence numbering only another phase gives that phase's date, not this one's.
  const phase = asked.phases[0];
  const [phaseText, phaseQuoted] = phase ? [withoutOtherPhases(text, phase), withoutOtherPhases(quoted, phase)] : [text, quoted];
  const passagesText = picks.map((k) => k.passage.hit.text).join(' ');
  return {
    text,
    more: moreParts.join('\n\n').trim(),
    citations,
    asked,
    evidence: {
      coverage: idx.mass(held),
      keyHeld: (key === null || held.has(key)) && (!event || idx.first === null || held.has(idx.first)),
      // 'tgl brp' is answered by a day, not by 'Juli 2022'; a dated report's 'Senin kemarin' gives one, but not
      // its 'dijadwalkan pada Oktober 2023' (the report's date joins a quote: the quote alone decides).
      valueHeld: holdsValue(asked, phaseText, headingOf(main)) && (!asked.day || namesDay(phaseQuoted) || (main.hit.publishedAt != null && reportDatesIt(phaseQuoted, main.hit.publishedAt))),
      namesMissing: [
        // (asked.stages holds the very term lists of its stage pins.)
        ...missingNames(asked.pinned.filter((g) => !asked.stages.includes(g)), present),
        // A stage the quoted passage states ('… dalam rangkaian Bimbingan Teknis IV') need not be in the quote,
        // unless the quote numbers another phase ('memasuki bimtek tahap III. Kegiatan digelar …' for 'bimtek IV').
        ...asked.stages.filter((g) => !statesStage(g, `${text} ${contexts}`) && (!statesStage(g, passagesText) || (asked.phases.includes(g) && statesOtherPhase(g, `${text} ${contexts}`)))),
      ],
      about: `${main.hit.title} ${main.hit.heading} ${main.hit.place ?? ''} ${main.hit.text}`,
      keysHeld: idx.keys(2).every((i) => held.has(i)),
      unknownMass: idx.unknownMass,
      // A numbered document's kind must be quoted as such; other things may be named by a synonym the question's idea holds.
      // A score's noun is written as such: 'penilaian' (an assessment) shares the stem of 'nilai' but gives no score.
      focusHeld: asked.focus === null || (asked.scored ? SCORE_WORD.test(`${text} ${contexts}`) : asked.focus.some((t) => present.has(t) || (asked.unit !== 'nomor' && idx.concepts.some((c, i) => held.has(i) && c.forms.some((f) => f.includes(t)))))),
    },
  };
}
