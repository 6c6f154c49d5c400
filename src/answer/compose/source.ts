import { namesRegion } from '../../regions/names.ts';
import type { Passage } from './units.ts';

/**
 * Where a passage comes from weighs too (chosen on corpus/eval/qa.jsonl, see bench/RESULTS.md):
 * - a glossary entry defines a term: the answer to 'apa itu', only a fallback for other questions;
 * - a checklist row says what to hand in for a stage: the guidelines explain the rule behind it;
 * - 'visi kita', 'SK dewan kami': the asker's own region's masterplan answers;
 * - a question about no region ('ketua dewan biasanya siapa?') is answered by the guidelines,
 *   and a region's masterplan only when nothing general is close.
 */
const SOURCE = { GLOSSARY: 0.7, CHECKLIST: 0.8, OWN_REGION: 1.3, OTHER_REGION: 0.5, SILENT_ON_REGION: 0.6 };
const GLOSSARY = /\b(glosarium|daftar istilah|istilah dan singkatan|daftar singkatan|kamus istilah)\b/i;
const FIRST_PERSON = /\b(kami|kita)\b/;
const CHECKLIST_WORDS = /\b(checklist|butir|keluaran|unggah|diunggah|centang)\b/;

export function isGlossary(p: Pick<Passage, 'hit'>): boolean {
  return GLOSSARY.test(`${p.hit.title} > ${p.hit.heading}`);
}

/**
 * How much a passage's source fits the question: `plain` is the question's words, `region` the
 * one it is about (named in it, or the chat's), `named` whether the question names it, `bare`
 * its name without its kind ('solok').
 */
export function sourceWeigher(plain: string, region: string | null, definitional: boolean, named = false, bare?: string): (p: Passage) => number {
  const ours = region && (named || FIRST_PERSON.test(plain)) ? region : null;
  return (p) => {
    let w = 1;
    if (!definitional && isGlossary(p)) w *= SOURCE.GLOSSARY;
    if (p.hit.kind === 'checklist' && !CHECKLIST_WORDS.test(plain)) w *= SOURCE.CHECKLIST;
    if (ours && p.hit.regionCode === ours) w *= SOURCE.OWN_REGION;
    else if ((!region || named) && p.hit.regionCode) w *= SOURCE.OTHER_REGION;
    // A question naming a region ('forum satu data kota solok …') is about it: a news item or page
    // that never names it (another region's forum) answers it less well than one that does.
    else if (named && bare && !p.hit.regionCode && !namesRegion(`${p.hit.title} ${p.hit.heading} ${p.hit.place ?? ''} ${p.hit.text}`, bare)) w *= SOURCE.SILENT_ON_REGION;
    return w;
  };
}
