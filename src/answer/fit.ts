/**
 * Fitting an answer to a chat's budget: what does not fit is moved, whole lines at a time,
 * to the remainder ('selengkapnya'), and no line is shown twice.
 */

/** Lines shorter than this (headers, 'Sumber:') may repeat; longer ones are items or sentences. */
const MIN_REPEATED = 24;

const key = (line: string): string =>
  line
    .replace(/^(?:[\s•*\d.)-]|⬜|✅|▶️)+/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Drops lines that repeat an earlier line of `seen` or of the text itself (one item shown once). */
export function dropRepeatedLines(text: string, seen: Set<string> = new Set()): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const k = key(line);
    if (k.length >= MIN_REPEATED) {
      if (seen.has(k)) continue;
      seen.add(k);
    }
    out.push(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Keeps at most `budget` characters of `answer`, cut at a paragraph or line boundary; the
 * cut-off part goes before `more`. Repeated lines are dropped from both parts first.
 */
export function fitBudget(answer: string, more: string, budget: number): { answer: string; more: string } {
  const seen = new Set<string>();
  const shown = dropRepeatedLines(answer, seen);
  const rest = dropRepeatedLines(more, seen);
  if (shown.length <= budget) return { answer: shown, more: rest };
  const lines = shown.split('\n');
  let kept = '';
  let i = 0;
  for (; i < lines.length; i++) {
    const next = kept ? `${kept}\n${lines[i]}` : lines[i]!;
    if (next.length > budget) break;
    kept = next;
  }
  if (!kept) {
    // One line longer than the budget: cut between words.
    const at = shown.lastIndexOf(' ', budget);
    kept = shown.slice(0, at > budget / 2 ? at : budget);
    return { answer: `${kept.trimEnd()} …`, more: [shown.slice(kept.length).trim(), rest].filter(Boolean).join('\n\n') };
  }
  const cut = lines.slice(i).join('\n').trim();
  return { answer: kept.trimEnd(), more: [cut, rest].filter(Boolean).join('\n\n') };
}
