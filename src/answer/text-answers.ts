import type { Queryable } from '../db/index.ts';
import { answerMessages } from '../messages/index.ts';
import { cohortYears } from '../programme/index.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { search, sectionsTitled, weightedConcepts, type SearchHit, type WeightedConcept } from '../retrieval/search.ts';
import { terms } from '../retrieval/text.ts';
import { comparisonSides } from './compare.ts';
import type { Draft } from './draft.ts';
import { checkEvidence } from './evidence.ts';
import { citationOf, extractiveAnswer } from './extractive.ts';
import type { Generator } from './generate.ts';
import { isProgrammeQuestion } from './intent.ts';
import type { Citation, Intent } from './types.ts';
import type { RegionName } from './vocabulary.ts';

/** Chosen on the unanswerable items of our eval set (see bench/RESULTS.md). */
export const DEFAULT_MIN_COVERAGE = 0.25;
/** The same for questions without a programme word ('resep rendang', 'skor bola'). */
export const OFF_TOPIC_MIN_COVERAGE = 0.5;

export interface TextAnswerDeps {
  readonly db: Queryable;
  readonly embedder: Embedder;
  readonly generator?: Generator | null;
  /** Evidence below this share of the question's IDF mass is not enough to answer. */
  readonly minCoverage: number;
}

export interface TextQuestion {
  readonly question: string;
  readonly intent: Intent;
  readonly regionCode: string | null;
  /** The region the question names, if any. */
  readonly named: RegionName | null;
}

/**
 * An answer quoted (or, with a chat model, generated) from the documents, checked against
 * what the question pins down; a refusal when the evidence is too weak.
 */
export async function answerFromText(deps: TextAnswerDeps, q: TextQuestion): Promise<Draft> {
  const { db, embedder } = deps;
  const { question, intent, regionCode } = q;
  const refuse = (answer: string): Draft => ({ intent, answer, refused: true, citations: [] });
  const [hits, concepts]: [SearchHit[], WeightedConcept[]] = await Promise.all([
    search({ db, embedder }, question, { k: 6, regionCode }),
    weightedConcepts(db, question),
  ]);
  const top = hits[0];
  // A question without a programme word ('resep rendang', 'skor bola') needs stronger evidence.
  const inScope = isProgrammeQuestion(question) || intent !== 'rule';
  const weak = !top || top.coverage < (inScope ? deps.minCoverage : OFF_TOPIC_MIN_COVERAGE);
  if (weak) {
    return { ...refuse(inScope ? answerMessages.refused() : answerMessages.outOfScope), intent: inScope ? intent : 'out_of_scope' };
  }
  let draft: { text: string; citations: readonly Citation[] } | null = null;
  if (deps.generator) {
    const generated = await deps.generator.generate(question, hits);
    if (generated) draft = { text: generated.text, citations: generated.citations };
  }
  draft ??= await withBothSides(deps, question, extractiveAnswer(question, hits, concepts, { region: regionCode }), regionCode);
  if (!draft.text) return refuse(answerMessages.refused());
  const verdict = checkEvidence({
    question,
    text: draft.text,
    citations: draft.citations,
    concepts,
    region: q.named,
    // The calendars are read only when the question names an 'angkatan' year.
    cohorts: /\bangkatan\s+20\d\d\b/i.test(question) ? await cohortYears(db) : [],
  });
  if (verdict.kind === 'refuse') return refuse(verdict.message);
  if (verdict.kind === 'not-held') return { intent, answer: `${draft.text}\n\n${verdict.hint}`, refused: true, citations: draft.citations };
  return { intent, answer: draft.text, refused: false, citations: draft.citations.length ? draft.citations : [citationOf(top)] };
}

/**
 * A comparison ('F-03 sama F-04 bedanya apa', 'program inovasi vs quick win') is answered for
 * both sides. A side the documents define under its own heading (a glossary entry, a section
 * titled with it) gets that definition; another side gets its own best passage when no quoted
 * section is about it.
 */
async function withBothSides(deps: TextAnswerDeps, question: string, draft: { text: string; citations: Citation[] }, regionCode: string | null) {
  const { db, embedder } = deps;
  const sides = comparisonSides(question);
  if (!sides || !draft.text) return draft;
  let { text, citations } = draft;
  // What a quoted section is about: its own heading.
  const about = (c: Citation) => new Set(terms(c.heading.split(' > ').at(-1) ?? ''));
  const subjects = citations.map(about);
  for (const side of sides) {
    const wanted = terms(side);
    const defined = await sectionsTitled(db, side, 1);
    if (defined.length === 0 && subjects.some((s) => wanted.every((t) => s.has(t)))) continue;
    const [hits, concepts] = await Promise.all([
      defined.length > 0 ? defined : search({ db, embedder }, side, { k: 4, regionCode }),
      weightedConcepts(db, side),
    ]);
    const part = extractiveAnswer(side, hits, concepts, { maxChars: 350, alsoRunnerUp: false });
    if (!part.text || citations.some((c) => part.citations.some((p) => p.document === c.document && p.heading === c.heading))) continue;
    text = `${text}\n\n${part.text}`;
    citations = [...citations, ...part.citations];
    subjects.push(...part.citations.map(about));
  }
  return { text, citations };
}
