import type { Block } from './blocks.ts';

/** A passage that reads like an instruction to an assistant rather than programme content. */
export interface InstructionFlag {
  readonly page: number | null;
  readonly heading: string;
  /** The sentence holding it, shortened to 200 characters. */
  readonly excerpt: string;
}

/**
 * How instructions to a chat assistant are phrased, in Indonesian and English: telling it
 * to ignore or forget its instructions, to answer every question in a set way, that it is
 * now someone else, or naming its system prompt. Documents state rules for regions, never
 * for the assistant, so such a passage is shown to staff for review (it stays in the text).
 */
const PATTERNS: readonly RegExp[] = [
  /\b(?:abaikan|lupakan|acuhkan|jangan (?:ikuti|hiraukan|pedulikan|patuhi|turuti))\s+(?:(?:semua|seluruh|segala|setiap)\s+)?(?:instruksi|perintah|arahan|aturan|petunjuk|prompt)\b/iu,
  /\b(?:jawab(?:lah)?|balas(?:lah)?|tanggapi(?:lah)?)\s+(?:semua|setiap|seluruh|tiap|segala)\s+pertanyaan\b/iu,
  /\b(?:kamu|anda|engkau|kau)\s+(?:sekarang|kini|mulai sekarang|mulai saat ini)\s+(?:adalah|berperan|bertindak|menjadi)\b/iu,
  /\b(?:berpura-pura(?:lah)?|berperanlah|bertindaklah)\s+(?:sebagai|menjadi)\b/iu,
  /\b(?:prompt|instruksi|pesan)\s+sistem\b/iu,
  /\b(?:ignore|forget|disregard)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|original)\s+(?:instructions?|prompts?|messages?|rules|directions)\b/iu,
  /\b(?:answer|respond to|reply to)\s+(?:all|every|each)\s+questions?\s+(?:with|by|using)\b/iu,
  /\byou\s+are\s+now\b|\bsystem\s+prompt\b|\bnew\s+instructions?\s*:/iu,
];

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('. ', index) + 1, 0);
  const endDot = text.indexOf('. ', index);
  const sentence = text.slice(start, endDot < 0 ? text.length : endDot + 1).trim();
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}

/** The instruction-like passages of a document, one flag per block at most. */
export function findInstructions(blocks: readonly Block[]): InstructionFlag[] {
  const flags: InstructionFlag[] = [];
  for (const b of blocks) {
    for (const re of PATTERNS) {
      const m = re.exec(b.text);
      if (!m) continue;
      flags.push({ page: b.page, heading: b.headings.join(' > '), excerpt: sentenceAround(b.text, m.index) });
      break;
    }
  }
  return flags;
}
