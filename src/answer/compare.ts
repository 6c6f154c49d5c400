import { words } from '../language/index.ts';

/**
 * The two things a comparison question sets side by side ('beda buku 1 sama buku 2',
 * 'F-03 sama F-04 bedanya apa', 'program inovasi vs quick win', 'mending perbup atau perda'),
 * read from the wording with slang expanded. Null when the question compares nothing.
 */
export function comparisonSides(question: string): [string, string] | null {
  const q = ` ${words(question).join(' ')} `;
  if (!/\b(beda|bedanya|perbedaan|perbedaannya|membedakan|vs|versus|mending|mana yang lebih|lebih baik|sama tidak|sama dengan)\b/.test(q)) return null;
  const JOIN = '(?:sama|dan|dengan|vs|versus|atau|ama)';
  const SIDE = '([\\p{L}\\p{N}-]+(?: [\\p{L}\\p{N}-]+){0,3}?)';
  const patterns = [
    // 'beda(nya) (antara) A sama B (apa)'
    new RegExp(`\\b(?:beda|bedanya|perbedaan|perbedaannya)(?: antara)? ${SIDE} ${JOIN} ${SIDE}(?= (?:apa|itu|ya|di|dalam|pada)\\b| ?$)`, 'u'),
    // 'A sama B (itu) bedanya apa', 'A vs B bedanya', 'A sama B itu sama tidak'
    new RegExp(`(?:^| )${SIDE} ${JOIN} ${SIDE}(?: itu| di [\\p{L}\\p{N}-]+)? (?:beda|bedanya|perbedaannya|sama tidak|sama dengan)\\b`, 'u'),
    // 'mending A atau B'
    new RegExp(`\\b(?:mending|lebih baik|mana yang lebih \\p{L}+)(?: pakai)? ${SIDE} atau ${SIDE}(?= (?:buat|untuk|ya|apa|sih|itu)\\b| ?$)`, 'u'),
  ];
  for (const re of patterns) {
    const m = re.exec(q.trim());
    if (!m) continue;
    const clean = (s: string) => s.replace(/^(?:yang|itu|si|apa) /, '').replace(/ (?:itu|ya|sih)$/, '').trim();
    const a = clean(m[1]!);
    const b = clean(m[2]!);
    if (a && b && a !== b) return [a, b];
  }
  return null;
}
