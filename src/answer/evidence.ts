import { refusalMessages } from '../messages/index.ts';
import type { WeightedConcept } from '../retrieval/search.ts';
import { normalize, sentences, terms } from '../retrieval/text.ts';
import type { RegionName } from './entities.ts';
import { expectedSlot } from './slots.ts';
import type { Citation } from './types.ts';

/**
 * Whether a composed answer holds what the question pins down. Pure: the service gathers
 * the facts (the named region, the cohorts the calendars hold) and acts on the verdict.
 */
export interface EvidenceInput {
  readonly question: string;
  readonly text: string;
  readonly citations: readonly Citation[];
  readonly concepts: readonly WeightedConcept[];
  /** The region the question names, if any. */
  readonly region: RegionName | null;
  /** Cohort years the calendars hold. */
  readonly cohorts: readonly number[];
}

export type EvidenceVerdict =
  | { readonly kind: 'ok' }
  /** Nothing quoted answers: say why, quote nothing. */
  | { readonly kind: 'refuse'; readonly message: string }
  /** The quoted passage itself says the thing is not published: show it, count it as a refusal. */
  | { readonly kind: 'not-held'; readonly hint: string };

const NOT_HELD = /\b(tidak|belum) (dimuat|dipublikasikan|diumumkan|tersedia untuk umum)\b|\bpandu tidak memuat\b/i;

export function checkEvidence(input: EvidenceInput): EvidenceVerdict {
  const { question, text, region } = input;
  const evidence = [text, ...input.citations.map((c) => `${c.title} ${c.heading} ${c.snippet}`)].join(' ');
  // The kind of value the question insists on: a web address, a phone number, an amount…
  const slot = expectedSlot(question);
  if (slot?.strict && !slot.test(evidence)) return { kind: 'refuse', message: refusalMessages.missingValue(slot.kind) };
  // A region outside the programme's data (no calendar, no masterplan) is answered only when the
  // main quoted passage names it, e.g. a news article about it; anything else is about another
  // region, or about the cohorts in general with the region only mentioned alongside.
  const main = input.citations[0];
  const about = main ? `${main.title} ${main.heading} ${main.snippet}` : text;
  if (region && !region.inProgramme && !normalize(about).includes(region.bare))
    return { kind: 'refuse', message: refusalMessages.regionNotCovered(region.name) };
  // 'angkatan 2029' when the calendars hold other cohorts and no quoted passage speaks of it.
  const asked = [...question.matchAll(/\bangkatan\s+(20\d\d)\b/gi)].map((m) => Number(m[1]));
  const uncovered = asked.filter((y) => !input.cohorts.includes(y) && !new RegExp(`angkatan\\s+${y}`, 'i').test(evidence));
  if (uncovered.length > 0 && input.cohorts.length > 0) return { kind: 'refuse', message: refusalMessages.cohortNotCovered(uncovered, input.cohorts) };
  const years = [...new Set(question.match(/\b(?:19|20)\d\d\b/g) ?? [])].filter((y) => !evidence.includes(y));
  if (years.length > 0) return { kind: 'refuse', message: refusalMessages.yearNotCovered(years) };
  if (statesNotHeld(text, input.concepts)) return { kind: 'not-held', hint: refusalMessages.notHeldHint };
  return { kind: 'ok' };
}

/** A sentence of the answer says the documents do not hold what the question's rarest terms ask about. */
function statesNotHeld(answer: string, concepts: readonly WeightedConcept[]): boolean {
  const focus = [...concepts].sort((a, b) => b.weight - a.weight).slice(0, 2);
  return sentences(answer).some((s) => {
    if (!NOT_HELD.test(s)) return false;
    const present = new Set(terms(s));
    return focus.some((c) => c.forms.some((f) => f.every((t) => present.has(t))));
  });
}
