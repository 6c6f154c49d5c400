import type { SearchHit, WeightedConcept } from '../retrieval/search.ts';
import { sentences, terms, words } from '../retrieval/text.ts';
import { expectedSlot } from './slots.ts';
import type { Citation } from './types.ts';

export const SNIPPET_MAX = 300;

export function snippet(text: string, max = SNIPPET_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max - 1)}…`;
}

export function citationOf(hit: SearchHit, text?: string): Citation {
  return {
    document: hit.document,
    title: hit.title,
    heading: hit.heading,
    page: hit.page,
    snippet: snippet(text ?? hit.text),
    score: hit.score,
    published_at: hit.publishedAt ?? null,
    place: hit.place ?? null,
  };
}

const LIST_LINE = /^([-•*]\s|\d{1,2}[.)]\s)|^[^:]{2,40}: [^;]+;/;

/** A passage is read as units: list lines whole, prose split into sentences. */
function unitsOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (!l) continue;
    if (LIST_LINE.test(l)) out.push(l);
    else out.push(...sentences(l));
  }
  return out;
}

interface Window {
  readonly hit: SearchHit;
  readonly rank: number;
  readonly units: string[];
  readonly score: number;
}

/** 'apa saja', 'sebutkan', 'daftar …': the answer is a list. */
const LIST_QUESTION = /\b(apa saja|siapa saja|sebutkan|daftar|macam|jenis|langkah|tahapan(nya)?|isinya|isian(nya)?|bagian apa|kriteria(nya)?|syarat(nya)?|komponen(nya)?|aspek(nya)?)\b/;
/**
 * Composer weights, chosen on corpus/eval/qa.jsonl (see bench/RESULTS.md): heading match H,
 * expected kind of value T (scaled by the slot's own bonus), search score R, list lines for
 * list questions L; a runner-up passage scoring at least X of the best is shown too, up to Y characters.
 */
const P = { H: 1.5, T: 1, R: 0.2, L: 0.2, X: 0.65, Y: 500 };

/**
 * Where a passage comes from weighs too (chosen on corpus/eval/qa.jsonl, see bench/RESULTS.md):
 * - a glossary entry defines a term: the answer to 'apa itu', only a fallback for other questions (× GLOSSARY);
 * - 'visi kita', 'SK dewan kami': the asker's own region's masterplan answers (× OWN_REGION);
 * - a question about no region ('ketua dewan biasanya siapa?') is answered by the guidelines,
 *   and a region's masterplan only when nothing general is close (× OTHER_REGION).
 */
const SOURCE = { GLOSSARY: 0.7, OWN_REGION: 1.3, OTHER_REGION: 0.5 };
const GLOSSARY = /\b(glosarium|daftar istilah|istilah dan singkatan|daftar singkatan|kamus istilah)\b/i;
const ASKS_DEFINITION = /\b(apa itu|itu apa|apaan|maksud|maksudnya|arti|artinya|singkatan|kepanjangan|definisi|pengertian|istilah)\b/;
const FIRST_PERSON = /\b(kami|kita)\b/;
/** A long passage's opening sentence up to this length leads a window taken from further down. */
const LEAD_MAX = 300;

/** How many candidates the composer reads, and how their search rank discounts them. */
const CANDIDATES = 6;
const RANK_DISCOUNT = [1, 0.95, 0.9, 0.86, 0.82, 0.78];

/**
 * The offline answer. Each of the best few passages offers its best window: the passage
 * itself when it is short (a section is usually one answer), otherwise the run of units
 * starting where the question's terms concentrate. Windows are scored by how much of the
 * question they cover (idf-weighted), whether they hold what the question word asks for
 * (a date for 'kapan', a number with its unit for 'berapa orang'), how well their section
 * heading matches, and the search rank. The best window is the answer; a unit from another
 * passage is added when it covers question terms the first does not (comparisons, two-part
 * questions). Everything is quoted, in the documents' order, and cited.
 */
export function extractiveAnswer(
  question: string,
  hits: readonly SearchHit[],
  concepts: readonly WeightedConcept[],
  /** region: the region the question is about (named in it, or the chat's). */
  options: { maxChars?: number; alsoRunnerUp?: boolean; region?: string | null } = {},
): { text: string; citations: Citation[] } {
  let maxChars = options.maxChars ?? 700;
  const total = concepts.reduce((a, c) => a + c.weight, 0) || 1;
  /** Indexes of the question's concepts a text holds (any one form of each, all of that form's terms). */
  const covered = (text: string) => {
    const present = new Set(terms(text));
    const set = new Set<number>();
    concepts.forEach((c, i) => {
      if (c.forms.some((f) => f.every((t) => present.has(t)))) set.add(i);
    });
    return set;
  };
  const mass = (set: ReadonlySet<number>) => [...set].reduce((a, i) => a + concepts[i]!.weight, 0) / total;
  const slot = expectedSlot(question);
  const plain = words(question).join(' ');
  const listQuestion = LIST_QUESTION.test(plain);
  const sourceWeight = sourceWeigher(plain, options.region ?? null);
  // A list is only an answer when it is whole enough: list questions get more room.
  if (listQuestion) maxChars = Math.round(maxChars * 1.5);

  const windows: Window[] = [];
  hits.slice(0, CANDIDATES).forEach((hit, rank) => {
    const units = unitsOf(hit.text).filter((u) => u.length >= 3);
    if (units.length === 0) return;
    const section = hit.heading.split(' > ').slice(-1)[0] ?? '';
    const headingCover = mass(covered(section));
    const source = sourceWeight(hit);
    // Each unit is read once; a window covers the union of its units' concepts.
    const unitCover = new Map(units.map((u) => [u, covered(u)]));
    const scoreOf = (chosen: readonly string[]) => {
      const text = chosen.join(' ');
      const cover = mass(new Set(chosen.flatMap((u) => [...(unitCover.get(u) ?? covered(u))])));
      const typed = slot?.test(text) ? slot.bonus : 0;
      const list = listQuestion && chosen.filter((u) => LIST_LINE.test(u)).length >= 2 ? P.L : 0;
      return (cover + P.H * headingCover + P.T * typed + P.R * hit.score + list) * RANK_DISCOUNT[rank]! * source;
    };
    if (hit.text.length <= maxChars) {
      windows.push({ hit, rank, units, score: scoreOf(units) });
      return;
    }
    // Long passage: the best run of units within the budget, starting at each unit.
    let best: Window | null = null;
    for (let start = 0; start < units.length; start++) {
      const chosen: string[] = [];
      let length = 0;
      // The opening sentence states the passage's point: a short one leads a run from further down.
      const lead = start > 1 && !LIST_LINE.test(units[0]!) && units[0]!.length <= LEAD_MAX ? units[0]! : null;
      if (lead) {
        chosen.push(lead, '…');
        length += lead.length + 1;
      }
      for (let i = start; i < units.length && length + units[i]!.length <= maxChars; i++) {
        chosen.push(units[i]!);
        length += units[i]!.length + 1;
      }
      if (chosen.length === (lead ? 2 : 0)) chosen.push(clip(units[start]!, maxChars - length));
      // Starting mid-passage without the opening costs a little: the opening usually states the point.
      const score = scoreOf(chosen) * (start === 0 || lead ? 1 : 0.95);
      if (!best || score > best.score) best = { hit, rank, units: chosen, score };
    }
    if (best) windows.push(best);
  });
  if (windows.length === 0) return { text: '', citations: [] };
  windows.sort((a, b) => b.score - a.score || a.rank - b.rank);
  const main = windows[0]!;
  const parts: Array<{ hit: SearchHit; rank: number; units: string[] }> = [{ hit: main.hit, rank: main.rank, units: main.units }];

  // A second passage that scores nearly as well is shown too (trimmed): with two close
  // candidates the composer cannot tell which one answers, and the reader can.
  const runnerUp = windows.find((w) => w.hit.chunkId !== main.hit.chunkId);
  if (runnerUp && options.alsoRunnerUp !== false && runnerUp.score >= P.X * main.score) {
    const units: string[] = [];
    let length = 0;
    for (const u of runnerUp.units) {
      if (length + u.length > P.Y) break;
      units.push(u);
      length += u.length + 1;
    }
    if (units.at(-1) === '…') units.pop();
    if (units.length === 0) units.push(clip(runnerUp.units[0]!, P.Y));
    parts.push({ hit: runnerUp.hit, rank: runnerUp.rank, units });
  }
  // A second passage's best unit joins when it brings question terms the first lacks.
  const have = covered(main.units.join(' '));
  const missing = concepts.map((_, i) => i).filter((i) => !have.has(i));
  if (parts.length === 1 && missing.length > 0 && mass(new Set(missing)) >= 0.15) {
    let extra: { hit: SearchHit; rank: number; unit: string; gain: number } | null = null;
    for (const w of windows.slice(1)) {
      if (w.hit.chunkId === main.hit.chunkId) continue;
      for (const unit of unitsOf(w.hit.text)) {
        if (unit.length > 350 || unit.length < 20) continue;
        const got = covered(unit);
        const gain = mass(new Set([...got].filter((t) => !have.has(t)))) * (RANK_DISCOUNT[w.rank] ?? 0.6);
        if (gain > (extra?.gain ?? 0.1)) extra = { hit: w.hit, rank: w.rank, unit, gain };
      }
    }
    if (extra) parts.push({ hit: extra.hit, rank: extra.rank, units: [extra.unit] });
  }
  parts.sort((a, b) => a.rank - b.rank);
  const text = parts.map((p) => p.units.join(p.units.some((u) => LIST_LINE.test(u)) ? '\n' : ' ')).join('\n\n').trim();
  return { text, citations: parts.map((p) => citationOf(p.hit, p.units.join(' '))) };
}

/** How much a passage's source fits the question (see SOURCE). */
function sourceWeigher(question: string, region: string | null): (hit: SearchHit) => number {
  const definitional = ASKS_DEFINITION.test(question);
  const ours = region && FIRST_PERSON.test(question) ? region : null;
  return (hit) => {
    let w = 1;
    if (!definitional && GLOSSARY.test(`${hit.title} > ${hit.heading}`)) w *= SOURCE.GLOSSARY;
    if (ours && hit.regionCode === ours) w *= SOURCE.OWN_REGION;
    else if (!region && hit.regionCode) w *= SOURCE.OTHER_REGION;
    return w;
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : snippet(text, max);
}
