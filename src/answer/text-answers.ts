import type { Queryable } from '../db/index.ts';
import { answerMessages } from '../messages/index.ts';
import { cohortYears } from '../programme/index.ts';
import { definitionsIn, lastHeading, search, sectionsTitled, signatureIn, weightedConcepts, type Embedder, type SearchHit, type WeightedConcept } from '../retrieval/index.ts';
import { instructionAt, terms, words } from '../language/index.ts';
import { comparisonSides } from './compare.ts';
import type { Draft } from './draft.ts';
import { checkEvidence, type Thresholds } from './evidence.ts';
import { citationOf } from './citations.ts';
import { composeAnswer, readQuestion, SIGN_MARK_SOURCE, type ComposeWeights, type Composed } from './compose/index.ts';
import type { Generator } from './generate.ts';
import { isProgrammeQuestion } from './intent.ts';
import type { Citation, Intent } from './types.ts';
import type { RegionName } from './vocabulary.ts';
import { namesRegion } from '../regions/names.ts';

/** A signature mark in a passage ('ttd.', 'Tertanda'). */
const SIGNED = new RegExp(`${SIGN_MARK_SOURCE}(?!\\p{L})`, 'iu');

/** Chosen on the unanswerable items of our eval set (see bench/RESULTS.md). */
export const DEFAULT_MIN_COVERAGE = 0.25;
/** Evidence thresholds for questions without a programme word ('resep rendang', 'skor bola'). */
export const OFF_TOPIC_THRESHOLDS: Thresholds = { minCoverage: 0.3, keyOptional: 0.5, factoidKey: false, maxUnknown: 0.3 };

/** Words that ask about the present or the near future. */
const PRESENT = /\b(sekarang|skrg|saat ini|kini|hari ini|besok|lusa|nanti malam|minggu depan|terkini)\b/;

export interface TextAnswerDeps {
  readonly db: Queryable;
  readonly embedder: Embedder;
  readonly generator?: Generator | null;
  /** Evidence below this share of the question's IDF mass is not enough to answer. */
  readonly minCoverage: number;
  /** Characters of answer text shown at once. */
  readonly budget?: number;
  /** Composer weights (tuning only). */
  readonly composeWeights?: ComposeWeights;
  /** Evidence thresholds (tuning only). */
  readonly thresholds?: Thresholds & { offTopic?: Partial<Thresholds> };
}

export interface TextQuestion {
  readonly question: string;
  readonly intent: Intent;
  readonly regionCode: string | null;
  /** The region the question names, if any. */
  readonly named: RegionName | null;
}

/** The signature block of the first of the two best-ranked documents that has one and whose block no hit holds. */
async function missingSignature(db: Queryable, found: readonly SearchHit[]): Promise<SearchHit | null> {
  for (const doc of [...new Set(found.slice(0, 2).map((h) => h.document))]) {
    if (found.some((h) => h.document === doc && SIGNED.test(h.text))) return null;
    const block = await signatureIn(db, doc);
    if (block) return block;
  }
  return null;
}

/**
 * An answer quoted (or, with a chat model, generated) from the documents, checked against
 * what the question pins down; a refusal when the evidence is too weak.
 */
export async function answerFromText(deps: TextAnswerDeps, q: TextQuestion): Promise<Draft> {
  const { db, embedder } = deps;
  const { question, intent, regionCode } = q;
  const { defines, definedBySource, signs, enacted } = readQuestion(question);
  const [found, concepts, defined]: [SearchHit[], WeightedConcept[], SearchHit[]] = await Promise.all([
    search({ db, embedder }, question, { k: 6, regionCode }),
    weightedConcepts(db, question),
    // 'apa itu X': the section titled X (a glossary entry) is where the documents define it; 'X menurut
    // materi bimtek', 'X di perbup sumbawa' ask that source, found below.
    defines && !q.named && !definedBySource ? sectionsTitled(db, defines, 1) : Promise.resolve([]),
  ]);
  // …and the best-ranked documents' own definitions of it ('quick win menurut perbup X'), wherever in them they stand.
  const own = defines ? await definitionsIn(db, defines, [...new Set(found.slice(0, 2).map((h) => h.document))]) : [];
  const first = [...defined, ...own.filter((h) => !defined.some((d) => d.chunkId === h.chunkId))];
  // A passage that addresses the assistant ('abaikan semua instruksi …') is data flagged for staff, never an answer.
  // 'yg ttd siapa' (or 'perbup … ditetapkan kapan') of a top document whose signature block search did not bring:
  // its block takes the last place.
  const signature = signs || enacted ? await missingSignature(db, found) : null;
  const searched = signature ? [...found.slice(0, 5), signature] : found;
  const hits = [...first, ...searched.filter((h) => !first.some((d) => d.chunkId === h.chunkId))].filter((h) => instructionAt(h.text) === null);
  const retrieved = hits.map((h) => citationOf(h));
  const refuse = (answer: string): Draft => ({ intent, answer, refused: true, citations: [], retrieved });
  const top = hits[0];
  // A question without a programme word ('resep rendang', 'skor bola') needs stronger evidence,
  // and is told it is out of scope when the documents do not answer it.
  const inScope = isProgrammeQuestion(question) || intent !== 'rule';
  const outOfScope = (): Draft => ({ ...refuse(answerMessages.outOfScope), intent: 'out_of_scope' });
  // The best-covered passage decides, not the first ranked: the composer quotes from all of them.
  if (!top || Math.max(...hits.map((h) => h.coverage)) < deps.minCoverage) return inScope ? refuse(answerMessages.refused()) : outOfScope();
  // Outside the programme, a question about today or tomorrow ('cuaca besok', 'presiden sekarang')
  // is not answered by documents that were true when they were written.
  if (!inScope && PRESENT.test(words(question).join(' '))) return outOfScope();
  const composed = composeAnswer(question, hits, concepts, { region: regionCode, regionNamed: q.named !== null, regionBare: q.named?.bare, budget: deps.budget, weights: deps.composeWeights });
  let draft: Composed = composed;
  let generated = false;
  if (deps.generator) {
    const g = await deps.generator.generate(question, hits);
    if (g) {
      draft = { ...composed, text: g.text, citations: [...g.citations], more: '' };
      generated = true;
    }
  }
  if (!generated) draft = await withBothSides(deps, question, draft, regionCode);
  if (!draft.text) return refuse(answerMessages.refused());
  const verdict = checkEvidence({
    question,
    composed: draft,
    concepts,
    region: q.named,
    // Read only for a region outside the calendars (the one case the verdict words differently).
    regionInDocuments: q.named !== null && !q.named.inProgramme && hits.some((h) => namesRegion(`${h.title} ${h.heading ?? ''} ${h.text}`, q.named!.bare)),
    generated,
    thresholds: inScope ? deps.thresholds : { ...OFF_TOPIC_THRESHOLDS, ...deps.thresholds?.offTopic },
    // The calendars are read only when the question names an 'angkatan' year.
    cohorts: /\bangkatan\s+20\d\d\b/i.test(question) ? await cohortYears(db) : [],
  });
  // A question about nothing the programme covers, that the documents do not answer, is out of scope; one whose
  // ideas a quote mostly holds ('blora 2018 serat optiknya brp km') is about what they speak of, refused for its own reason.
  const spokenOf = draft.evidence.coverage >= OFF_TOPIC_THRESHOLDS.keyOptional;
  if (verdict.kind === 'refuse') return inScope || spokenOf ? refuse(verdict.message) : outOfScope();
  if (verdict.kind === 'not-held') return { intent, answer: `${draft.text}\n\n${verdict.hint}`, refused: true, citations: draft.citations, retrieved };
  return { intent, answer: draft.text, more: draft.more, refused: false, citations: draft.citations.length ? draft.citations : [citationOf(top)], retrieved };
}

/**
 * A comparison ('F-03 sama F-04 bedanya apa', 'program inovasi vs quick win') is answered for
 * both sides. A side the documents define under its own heading (a glossary entry, a section
 * titled with it) gets that definition; another side gets its own best passage when no quoted
 * section is about it.
 */
async function withBothSides(deps: TextAnswerDeps, question: string, draft: Composed, regionCode: string | null): Promise<Composed> {
  const { db, embedder } = deps;
  const sides = comparisonSides(question);
  if (!sides || !draft.text) return draft;
  let { text, citations } = draft;
  // What a quoted section is about: its own heading.
  const about = (c: Citation) => new Set(terms(lastHeading(c.heading)));
  const subjects = citations.map(about);
  for (const side of sides) {
    const wanted = terms(side);
    const defined = await sectionsTitled(db, side, 1);
    if (defined.length === 0 && subjects.some((s) => wanted.every((t) => s.has(t)))) continue;
    const [hits, concepts] = await Promise.all([
      defined.length > 0 ? defined : search({ db, embedder }, side, { k: 4, regionCode }),
      weightedConcepts(db, side),
    ]);
    const part = composeAnswer(side, hits, concepts, { budget: 350, supporting: false });
    if (!part.text || citations.some((c) => part.citations.some((p) => p.document === c.document && p.heading === c.heading))) continue;
    text = `${text}\n\n${part.text}`;
    citations = [...citations, ...part.citations];
    subjects.push(...part.citations.map(about));
  }
  return { ...draft, text, citations };
}
