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

/** Where a text first reads like an instruction to an assistant, or null. */
export function instructionAt(text: string): number | null {
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (m) return m.index;
  }
  return null;
}
