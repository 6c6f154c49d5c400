/**
 * Answer-level evaluation on TyDi QA Indonesian (gold answers) and refusal on IDK-MRC:
 * does the answer text as shown contain a gold answer (case- and space-normalised), how long
 * is it, and does the system refuse questions whose passage does not answer them.
 * TyDi QA (Apache-2.0) via IDK-MRC (CC BY-SA 4.0): ../shared/bench/tydiqa-id.
 */
import type { AnswerService } from '../../src/answer/index.ts';
import type { Queryable } from '../../src/db/index.ts';
import type { Embedder } from '../../src/retrieval/embedder.ts';
import { search } from '../../src/retrieval/search.ts';
import { sentences, terms } from '../../src/language/index.ts';

export interface GoldQuestion {
  readonly id: string;
  readonly question: string;
  readonly answers: readonly string[];
  readonly passage_id: string;
}

export interface AnswerFigures {
  readonly hit: number;
  readonly p50Chars: number;
  readonly p90Chars: number;
  readonly n: number;
}

const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();

/** True when the shown text holds one of the gold answers. */
export function holdsGold(text: string, answers: readonly string[]): boolean {
  const t = norm(text);
  return answers.some((a) => norm(a).length > 0 && t.includes(norm(a)));
}

function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

export function figures(shown: ReadonlyArray<{ text: string; answers: readonly string[] }>): AnswerFigures {
  const hits = shown.filter((s) => holdsGold(s.text, s.answers)).length;
  const lengths = shown.map((s) => s.text.length);
  return {
    hit: Number((hits / Math.max(1, shown.length)).toFixed(3)),
    p50Chars: percentile(lengths, 0.5),
    p90Chars: percentile(lengths, 0.9),
    n: shown.length,
  };
}

/** The sentence of a passage sharing the most index terms with the question (baseline). */
export function bestOverlapSentence(question: string, passage: string): string {
  const q = new Set(terms(question));
  let best = '';
  let bestScore = -1;
  for (const s of sentences(passage)) {
    const score = new Set(terms(s).filter((t) => q.has(t))).size;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

export interface AnswerRun {
  readonly shipped: Array<{ text: string; answers: readonly string[]; refused: boolean; question: string; message: string }>;
  readonly first300: Array<{ text: string; answers: readonly string[] }>;
  readonly bestSentence: Array<{ text: string; answers: readonly string[] }>;
}

/** Runs the shipped answer service and the two baselines over gold questions. */
export async function runAnswers(
  deps: { db: Queryable; embedder: Embedder; answers: AnswerService },
  questions: readonly GoldQuestion[],
): Promise<AnswerRun> {
  const run: AnswerRun = { shipped: [], first300: [], bestSentence: [] };
  for (const q of questions) {
    const a = await deps.answers.ask({ question: q.question, platform: 'cli', record: false });
    // What a user sees of an answer: a refusal shows no document text.
    run.shipped.push({ text: a.refused ? '' : a.answer, answers: q.answers, refused: a.refused, question: q.question, message: a.refused ? a.answer : '' });
    const [top] = await search(deps, q.question, { k: 1 });
    const passage = top?.text ?? '';
    run.first300.push({ text: passage.slice(0, 300), answers: q.answers });
    run.bestSentence.push({ text: bestOverlapSentence(q.question, passage), answers: q.answers });
  }
  return run;
}

/** Share of questions the service refuses. */
export async function refusalRate(answers: AnswerService, questions: ReadonlyArray<{ question: string }>): Promise<number> {
  let refused = 0;
  for (const q of questions) if ((await answers.ask({ question: q.question, platform: 'cli', record: false })).refused) refused++;
  return Number((refused / Math.max(1, questions.length)).toFixed(3));
}
