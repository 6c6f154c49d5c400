import { ingestMessages } from '../messages/index.ts';
import type { Answer, Citation } from './types.ts';

/** 'Judul · Sragen, 12 Mei 2022, bagian X, hlm. 3' — one source line for plain-text surfaces (console, CLI, Slack). */
export function sourceLabel(c: Citation): string {
  const section = c.heading.split(' > ').slice(-1)[0];
  const dateline = ingestMessages.dateline(c.place, c.published_at);
  const title = dateline ? `${c.title} · ${dateline}` : c.title;
  return [title, section && section !== c.title ? section : null, c.page ? `hlm. ${c.page}` : null].filter(Boolean).join(', ');
}

/** The answer as plain text with its sources, as the console and `pandu ask` show it. */
export function renderPlain(a: Answer): string {
  const lines = [a.understood ? `${a.understood}\n${a.answer}` : a.answer];
  if (a.citations.length > 0) {
    lines.push('', 'Sumber:');
    const seen = new Set<string>();
    for (const c of a.citations) {
      const label = `${sourceLabel(c)} (${c.document})`;
      if (seen.has(label)) continue;
      seen.add(label);
      lines.push(`- ${label}`);
    }
  }
  return lines.join('\n');
}
