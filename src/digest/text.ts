import { digestMessages as m } from '../messages/index.ts';
import type { Digest } from './sections.ts';

/** The digest as plain text (`pandu digest --dry-run`): the same sections and lines as in Slack. */
export function renderDigestText(digest: Digest): string {
  const out = [digest.title, digest.context];
  for (const s of digest.sections) {
    out.push('', s.title, ...s.lines);
    if (s.hidden > 0) out.push(m.more(s.hidden));
  }
  if (digest.csv) out.push('', m.attachment(digest.csv.filename, digest.csv.rows));
  return `${out.join('\n')}\n`;
}
