import { terms, words } from '../language/index.ts';

/** Words that ask something: a part of a message holding one is a question of its own. */
const ASKS = /\b(apa|apakah|siapa|kapan|berapa|bagaimana|gimana|mana|dimana|kenapa|mengapa|boleh|bisa|harus|perlu|wajib)\b/;

/** Chat's 'then' ('… tgl brp, trs perbup nomor brp'), where a second question starts without a question mark. */
const THEN = /[,;]?\s+(?=(?:trs|trus|terus|truss|trz)\s)/i;

const asks = (part: string): boolean => ASKS.test(words(part).join(' ')) && terms(part).length > 0;

/** A piece split at its 'trs' when the words on both sides ask something; else the piece whole. */
function splitAtThen(piece: string): string[] {
  const at = piece.search(THEN);
  if (at <= 0) return [piece];
  const [left, right] = [piece.slice(0, at), piece.slice(at).replace(/^[,;]?\s+/, '')];
  return asks(left) && asks(right) ? [left, ...splitAtThen(right)] : [piece];
}

/** A part of a compound message: with the first part's words as context, and as written. */
export interface CompoundPart {
  readonly question: string;
  /** The part alone ('trs bimtek masterplan tomohon kpn?'): asked when the part with the first one's words finds no answer. */
  readonly alone: string;
  /**
   * The part with all the first part's words, when `question` carries only its subject: asked when that finds no
   * answer ('raker rencana aksi prabumulih tempatnya dmn? trs mulai jam brp' — the meeting's hour, not any in Prabumulih).
   */
  readonly withLead: string;
}

/**
 * A message that asks two things ('F-02 harus ttd siapa saja? trus kalau telat gimana?') as
 * its parts, each answerable on its own: a later part that leans on the first ('telat gimana')
 * carries the first part's subject (the region it names), or else its words, after its own question
 * mark, where they weigh as context.
 * One question, or a question followed by why it is asked, comes back whole.
 */
export function compoundParts(question: string, subjectOf: (lead: string) => string | null = () => null): CompoundPart[] {
  const parts = question
    .split(/(?<=\?)\s+/)
    .flatMap(splitAtThen)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return [{ question, alone: question, withLead: question }];
  const asking = parts.filter(asks);
  if (asking.length < 2) return [{ question, alone: question, withLead: question }];
  const first = asking[0]!;
  // The first part's subject when it names one (a region: 'mou pangkalpinang disaksiin siapa? trs kadisnya
  // sapa' asks about Pangkalpinang's kadis, not about the signing), else all its words.
  const words = first.replace(/\?+\s*$/, '');
  const lead = subjectOf(first) ?? words;
  return asking.slice(0, 3).map((p, i) => {
    // A part naming a subject of its own, like the first, stands as written.
    if (i === 0 || subjectOf(p) !== null) return { question: p, alone: p, withLead: p };
    const asked = p.replace(/\?*\s*$/, '?');
    return { question: `${asked} ${lead}`, alone: p, withLead: `${asked} ${words}` };
  });
}
