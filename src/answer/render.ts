import { answerMessages, ingestMessages } from '../messages/index.ts';
import type { Answer, Citation } from './types.ts';
import { lastHeading } from '../retrieval/index.ts';

/** 'Judul · Sragen, 12 Mei 2022, bagian X, hlm. 3' — one source line for plain-text surfaces (console, CLI, Slack). */
export function sourceLabel(c: Citation): string {
  const section = lastHeading(c.heading);
  const dateline = ingestMessages.dateline(c.place, c.published_at);
  const title = dateline ? `${c.title} · ${dateline}` : c.title;
  return [title, section && section !== c.title ? section : null, c.page ? answerMessages.page(c.page) : null].filter(Boolean).join(', ');
}

/**
 * Where a citation opens: the document's public address, pointing at the cited page of a PDF
 * (`#page=N`, which browsers' PDF viewers honour); null when the document has no address.
 */
export function sourceAddress(c: Citation): string | null {
  if (!c.url) return null;
  const pdf = /\.pdf$/i.test(c.document) || /\.pdf(?:[?#]|$)/i.test(c.url);
  if (!pdf || !c.page || c.url.includes('#')) return c.url;
  return `${c.url}#page=${c.page}`;
}

/** The answer as plain text with its sources, as the console and `pandu ask` show it. */
export function renderPlain(a: Answer): string {
  const lines = [a.understood ? `${a.understood}\n${a.answer}` : a.answer];
  if (a.citations.length > 0) {
    lines.push('', answerMessages.sources);
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
