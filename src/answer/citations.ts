import type { SearchHit } from '../retrieval/index.ts';
import type { Citation } from './types.ts';

export const SNIPPET_MAX = 300;

export function snippet(text: string, max = SNIPPET_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max - 1)}…`;
}

export function citationOf(hit: SearchHit, text?: string): Citation {
  return {
    document: hit.document,
    title: hit.title,
    heading: hit.heading,
    page: hit.page,
    snippet: snippet(text ?? hit.text),
    score: hit.score,
    published_at: hit.publishedAt ?? null,
    place: hit.place ?? null,
    url: hit.url ?? null,
  };
}
