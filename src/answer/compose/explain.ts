import type { Asked, Preamble } from './asked.ts';
import { caseWeight, contextOf, datedYears, headingOf, WEIGHTS, type ConceptIndex, type Pick } from './select.ts';
import { isCapitalUnit, isTableRow, leansOnPrevious, LIST_LINE, type Passage } from './units.ts';
import { holdsMeasure, holdsValue, introducesList, isInlineList } from './values.ts';

/**
 * Explanations (how, why, whether, what the rules say, lists): each of the best passages offers
 * its best window — the passage itself when short (a section is usually one answer), otherwise
 * the run of units within the window size where the question's ideas concentrate, led by the
 * passage's opening sentence. Windows are scored by the question's idf-weighted ideas they hold,
 * their section heading, the asked kind of value, for list questions a list (LS more when the
 * clause announcing it names the question's ideas) and the search rank; a close runner-up from
 * another section follows (the reader can tell which one answers), or else one sentence of
 * another passage that brings ideas the first lacks. Weights chosen on corpus/eval/qa.jsonl and
 * the dev half of eval/real (see bench/RESULTS.md).
 */
const P = { H: 1.5, T: 0.3, R: 0.2, L: 0.2, LS: 1, LI: 0.5, Q: 0.3, X: 0.65, Y: 500, WINDOW: 700, LEAD_MAX: 300 };
const RANK_DISCOUNT = [1, 0.95, 0.9, 0.86, 0.82, 0.78];

interface Window {
  readonly passage: Passage;
  readonly units: number[];
  readonly score: number;
}

const lengthOf = (p: Passage, units: readonly number[]) => units.reduce((a, i) => a + (i < 0 ? 2 : p.units[i]!.text.length + 1), 0);

/** The clause that announces a list, just before its colon or 'meliputi' ('Quick win tahun 2025 meliputi:'), not the preamble before it. */
function announcingClause(text: string): string {
  const parts = text.replace(/\s*:?\s*$/, '').split(/[.;:]\s/);
  return parts.at(-1)!.slice(-160);
}

/**
 * A list question is answered by a list of at least two items, the better when the clause
 * announcing it names the question's ideas ('Quick Win tahun 2025 meliputi:' for 'quick win
 * 2025 apa aja'); a list that names none of them, or a regulation's preamble ('Menimbang:',
 * 'Mengingat:') when its reasons or legal bases are not asked, counts for nothing.
 */
function listScore(p: Passage, chosen: readonly number[], idx: ConceptIndex, asked: Asked): number {
  const items = chosen.filter((i) => i >= 0 && p.units[i]!.item);
  if (items.length < 2) return inlineListScore(p, chosen, idx);
  // Ideas the source's title names tell none of its lists apart (its section's may: 'Bab 5 Quick Win' over 'Quick win: …' rows).
  const outside = idx.covered(`${p.hit.title} ${datedYears(p.hit)}`);
  let stem = -1;
  for (const i of items) {
    const before = p.units[i - 1];
    // A decree's 'KEDUA : Dewan … mempunyai tugas:' is an item of its diktum and announces the items under it; so does a
    // table's title in capitals read as an item of the list before it ('SUSUNAN KEANGGOTAAN DEWAN …' over its rows).
    const titlesRows = (t: string) => isCapitalUnit(t) && !isTableRow(t) && isTableRow(p.units[i]!.text);
    if (!before || (before.item && !introducesList(before.text) && !titlesRows(before.text)) || !chosen.includes(i - 1)) continue;
    const run: number[] = [];
    for (let j = i; j < p.units.length && p.units[j]!.item && chosen.includes(j) && (j === i || !introducesList(p.units[j - 1]!.text)); j++) run.push(j);
    // A regulation's reasons and legal bases ('Menimbang: a. bahwa …', 'Mengingat: 1. Undang-Undang …') answer only a question about them.
    const preamble = preambleOf(before.text, run.map((j) => p.units[j]!.text));
    if (preamble && preamble !== asked.basis) continue;
    // The list is of what its announcing clause names; a table's rows without their heading name it themselves
    // ('4 Anggota Kepala Dinas Pariwisata' for 'anggota dewan siapa aja').
    // 'Mereka adalah:' names them in the sentence before.
    const leaning = leansOnPrevious(before.text) && i >= 2 ? ` ${p.units[i - 2]!.text}` : '';
    // A table's title in capitals above its rows announces them ('DAFTAR QUICK WIN … TAHUN 2025'); a document's title
    // block above its numbered sections does not.
    // A title read as an item of the list before it is a lampiran's ('LAMPIRAN … SUSUNAN KEANGGOTAAN DEWAN …'): it
    // repeats the source's title, and its rows tell it apart ('Kedudukan dalam Dewan: Pengarah').
    const rowsTold = before.item && !introducesList(before.text);
    const own = rowsTold
      ? idx.mass([...idx.covered([before.text, ...run.map((j) => p.units[j]!.text)].join(' '))].filter((c) => !outside.has(c)))
      : introducesList(before.text) || (isCapitalUnit(before.text) && isTableRow(p.units[i]!.text))
        ? idx.mass(idx.covered(announcingClause(before.text) + leaning))
        : idx.mass([...idx.covered(run.map((j) => p.units[j]!.text).join(' '))].filter((c) => !outside.has(c)));
    stem = Math.max(stem, own);
  }
  // A list of none of the question's ideas is another list ('Dalam Peraturan Bupati ini yang dimaksud dengan:'),
  // and a preamble's items cut from their heading ('b. bahwa …') are no answer either.
  const unasked = (i: number) => {
    const part = preambleOf('', [p.units[i]!.text]);
    return part !== null && part !== asked.basis;
  };
  if (stem === 0 || (stem < 0 && items.every(unasked))) return 0;
  return P.L + P.LS * Math.max(0, stem);
}

/** The part of a regulation's preamble an enumeration is (`enumerationAround`'s span, its announcing unit first when it has one), if any. */
export function preambleSpan(p: Passage, from: number, to: number): Preamble | null {
  const units = p.units.slice(from, to + 1);
  const head = units[0] && !units[0].item ? units[0].text : (p.units[from - 1]?.text ?? '');
  return preambleOf(head, units.filter((u) => u.item).map((u) => u.text));
}

/** A regulation's preamble: its reasons ('Menimbang: a. bahwa …') and its legal bases ('Mengingat: 1. Undang-Undang Nomor …'). */
const REASONS_HEAD = /^menimbang\b/i;
const BASES_HEAD = /^(?:mengingat|memperhatikan)\b/i;
const REASON_ITEM = /^(?:\S{1,3}\s+)?bahwa\b/i;
const BASIS_ITEM = /^(?:\S{1,3}\s+)?(?:undang-undang|peraturan|keputusan|instruksi)\b.*\bnomor\s+\S+\s+tahun\s+\d{4}/i;
function preambleOf(before: string, items: readonly string[]): Preamble | null {
  if (REASONS_HEAD.test(before)) return 'reasons';
  if (BASES_HEAD.test(before)) return 'bases';
  const most = (re: RegExp) => items.length > 0 && items.filter((t) => re.test(t)).length * 2 > items.length;
  return most(REASON_ITEM) ? 'reasons' : most(BASIS_ITEM) ? 'bases' : null;
}

/** What an inline list's sentence says before its items: up to its colon or its 'adalah/meliputi …', else its first comma. */
function inlineStem(sentence: string): string {
  const m = /^(.*?)(?::\s|\b(?:adalah|yaitu|yakni|meliputi|antara lain|di ?antaranya|terdiri (?:atas|dari)|seperti)\b)/i.exec(sentence);
  return m && m[1]!.length >= 10 ? m[1]! : sentence.split(',')[0]!;
}

/**
 * A sentence that lists inline ('Para pembimbing … adalah A, B, dan C') is a list too, at half a
 * list's weight (LI), scored by what it says before its items of the question's own ideas: those
 * its source's title and dateline do not already name.
 */
function inlineListScore(p: Passage, chosen: readonly number[], idx: ConceptIndex): number {
  const outside = idx.covered(`${contextOf(p)} ${datedYears(p.hit)}`);
  let stem = -1;
  for (const i of chosen) {
    const u = p.units[i];
    if (!u || u.item || !isInlineList(u.text)) continue;
    stem = Math.max(stem, idx.mass([...idx.covered(inlineStem(u.text))].filter((c) => !outside.has(c))));
  }
  return stem <= 0 ? 0 : P.LI * (P.L + P.LS * stem);
}

export function explanationPicks(
  passages: readonly Passage[],
  idx: ConceptIndex,
  asked: Asked,
  source: (p: Passage) => number,
  o: { window?: number; runnerUp?: number; lead?: boolean } = {},
): Pick[] {
  // A list is only an answer when it is whole enough: list questions get more room.
  const size = asked.list ? Math.round((o.window ?? P.WINDOW) * 1.5) : (o.window ?? P.WINDOW);
  const runnerMax = o.runnerUp ?? P.Y;
  const windows: Window[] = [];
  for (const p of passages) {
    const pinned = caseWeight(p, asked, WEIGHTS.Y);
    const headingCover = p.section && p.section !== p.hit.title ? idx.mass(idx.covered(p.section)) : 0;
    const scoreOf = (chosen: readonly number[]) => {
      const texts = chosen.filter((i) => i >= 0).map((i) => p.units[i]!.text);
      // A list is told in a document's body: every passage of it has the title's ideas, not only the one opening with its title block.
      const cover = idx.mass(new Set([...texts, ...(asked.list ? [contextOf(p)] : [])].flatMap((t) => [...idx.covered(t)])));
      // 'tanggal berapa': a year alone ('NOMOR 34 TAHUN 2020') does not give the day asked, unless a report's dateline does.
      const untimed = asked.day && !holdsMeasure('tanggal', texts.join(' ')) && !p.hit.publishedAt;
      const typed = asked.value && !untimed && holdsValue(asked, texts.join(' '), headingOf(p)) ? P.T : 0;
      const list = asked.list ? listScore(p, chosen, idx, asked) : 0;
      const phrase = P.Q * idx.phrases.share(texts.join(' '));
      return (cover + P.H * headingCover + typed + P.R * p.hit.score + list + phrase) * (RANK_DISCOUNT[p.rank] ?? 0.75) * source(p) * pinned;
    };
    const all = p.units.map((_, i) => i);
    if (p.hit.text.length <= size) {
      windows.push({ passage: p, units: all, score: scoreOf(all) });
      continue;
    }
    let best: Window | null = null;
    for (let start = 0; start < p.units.length; start++) {
      const chosen: number[] = [];
      // The opening sentence states the passage's point: a short one leads a run from further down.
      const lead = o.lead !== false && start > 1 && !p.units[0]!.item && p.units[0]!.text.length <= P.LEAD_MAX;
      if (lead) chosen.push(0, -1);
      for (let i = start; i < p.units.length && lengthOf(p, chosen) + p.units[i]!.text.length <= size; i++) chosen.push(i);
      if (chosen.length === (lead ? 2 : 0)) chosen.push(start);
      // Starting mid-passage without the opening costs a little: the opening usually states the point.
      const score = scoreOf(chosen) * (start === 0 || lead ? 1 : 0.95);
      if (!best || score > best.score) best = { passage: p, units: chosen, score };
    }
    if (best) windows.push(best);
  }
  if (windows.length === 0) return [];
  windows.sort((a, b) => b.score - a.score || a.passage.rank - b.passage.rank);
  const main = windows[0]!;
  const picks: Pick[] = [main];
  const runner = windows.find((w) => w.passage !== main.passage);
  if (runner && runnerMax > 0 && runner.score >= P.X * main.score) {
    const units: number[] = [];
    for (const i of runner.units) {
      if (i >= 0 && lengthOf(runner.passage, units) + runner.passage.units[i]!.text.length > runnerMax) break;
      units.push(i);
    }
    if (units.at(-1) === -1) units.pop();
    if (units.length === 0 && runner.units[0] !== undefined) units.push(runner.units[0]);
    picks.push({ passage: runner.passage, units, score: runner.score });
    return picks;
  }
  // A sentence of another passage joins when it brings ideas the first lacks.
  const have = idx.covered(main.units.filter((i) => i >= 0).map((i) => main.passage.units[i]!.text).join(' '));
  const missing = idx.concepts.map((_, i) => i).filter((i) => !have.has(i));
  if (idx.mass(missing) < 0.15) return picks;
  let extra: { passage: Passage; at: number; gain: number } | null = null;
  for (const w of windows.slice(1)) {
    for (const [at, u] of w.passage.units.entries()) {
      if (u.text.length > 350 || u.text.length < 20) continue;
      const got = idx.covered(u.text);
      const gain = idx.mass(missing.filter((i) => got.has(i))) * (RANK_DISCOUNT[w.passage.rank] ?? 0.6);
      if (gain > (extra?.gain ?? 0.1)) extra = { passage: w.passage, at, gain };
    }
  }
  if (extra) picks.push({ passage: extra.passage, units: [extra.at], score: extra.gain });
  return picks;
}

export { LIST_LINE };
