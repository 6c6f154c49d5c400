/**
 * How instructions to a chat assistant are phrased, in Indonesian and English: telling it
 * to ignore or forget its instructions, to answer every question in a set way, that it is
 * now someone else, or naming its system prompt. Documents state rules for regions, never
 * for the assistant, so such a passage is shown to staff for review (it stays in the text).
 */
const PATTERNS: readonly RegExp[] = [
  /\b(?:abaikan|lupakan|acuhkan|jangan (?:ikuti|hiraukan|pedulikan|patuhi|turuti))\s+(?:(?:semua|seluruh|segala|setiap)\s+)?(?:instruksi|perintah|arahan|aturan|petunjuk|prompt)\b/,
  /\b(?:jawab(?:lah)?|balas(?:lah)?|tanggapi(?:lah)?)\s+(?:semua|setiap|seluruh|tiap|segala)\s+pertanyaan\b/,
  /\b(?:kamu|anda|engkau|kau)\s+(?:sekarang|kini|mulai sekarang|mulai saat ini)\s+(?:adalah|berperan|bertindak|menjadi)\b/,
  /\b(?:berpura-pura(?:lah)?|berperanlah|bertindaklah)\s+(?:sebagai|menjadi)\b/,
  /\b(?:prompt|instruksi|pesan)\s+sistem\b/,
  /\b(?:ignore|forget|disregard)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|original)\s+(?:instructions?|prompts?|messages?|rules|directions)\b/,
  /\b(?:answer|respond to|reply to)\s+(?:all|every|each)\s+questions?\s+(?:with|by|using)\b/,
  /\byou\s+are\s+now\b|\bsystem\s+prompt\b|\bnew\s+instructions?\s*:/,
];

/**
 * Where a text first reads like an instruction to an assistant, or null. The patterns are matched on the
 * lower-cased text (case-insensitive Unicode matching costs several times as much, and every ingested block
 * is read); a text whose lower case changes its length ('İ') is matched in its own case, position kept.
 */
export function instructionAt(text: string): number | null {
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  for (const re of PATTERNS) {
    const m = sameLength ? re.exec(lower) : new RegExp(re.source, 'iu').exec(text);
    if (m) return m.index;
  }
  return null;
}
