import { analyzeQuery } from '../retrieval/query.ts';
import type { SearchHit } from '../retrieval/search.ts';
import { sentences, terms } from '../retrieval/text.ts';
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
  };
}

/** 'apa saja', 'apa aja', 'sebutkan', 'daftar …': the answer is a list. */
const LIST_QUESTION = /\b(apa (saja|aja|sj)|siapa (saja|aja)|sebutkan|daftar|macam|jenis|langkah|tahapan(nya)?|isinya)\b/;
const LIST_LINE = /^([-•*]\s|\d{1,2}[.)]\s)|^[^:]{2,40}: [^;]+;/;

/** The list items of the best-matching section among the top hits, when there is one. */
function listAnswer(hits: readonly SearchHit[], cover: (t: string) => number, maxChars: number): { text: string; citations: Citation[] } | null {
  let best: { hit: SearchHit; lines: string[]; score: number } | null = null;
  for (const [i, hit] of hits.slice(0, 3).entries()) {
    const lines = hit.text.split('\n').map((l) => l.trim()).filter(Boolean);
    const items = lines.filter((l) => LIST_LINE.test(l));
    if (items.length < 2) continue;
    const section = hit.heading.split(' > ').slice(-1)[0] ?? '';
    const score = (cover(section) + 0.5 * cover(hit.text)) * [1, 0.85, 0.7][i]!;
    if (!best || score > best.score) best = { hit, lines, score };
  }
  if (!best || best.score < 0.3) return null;
  const out: string[] = [];
  let length = 0;
  for (const line of best.lines) {
    if (length + line.length > maxChars) break;
    out.push(line);
    length += line.length;
  }
  if (out.length === 0) return null;
  return { text: out.join('\n'), citations: [citationOf(best.hit, out.join(' '))] };
}

interface Scored {
  readonly hit: number;
  readonly index: number;
  readonly text: string;
  readonly score: number;
}

/**
 * The offline answer: the few sentences of the best chunks that cover the most of the
 * question, in their original order, each cited. Headings that match the question
 * (an FAQ entry, a section named like the question) lend their weight to their text.
 */
export function extractiveAnswer(question: string, hits: readonly SearchHit[], maxChars = 650): { text: string; citations: Citation[] } {
  const query = analyzeQuery(question);
  const weight = new Map(query.map((q) => [q.term, q.weight]));
  const total = query.reduce((a, q) => a + q.weight, 0) || 1;
  const cover = (text: string) => {
    let s = 0;
    for (const t of new Set(terms(text))) s += weight.get(t) ?? 0;
    return s / total;
  };
  const list = LIST_QUESTION.test(question.toLowerCase()) ? listAnswer(hits, cover, maxChars + 250) : null;
  if (list) return list;
  const scored: Scored[] = [];
  hits.slice(0, 3).forEach((hit, h) => {
    const headingCover = cover(hit.heading.split(' > ').slice(-1)[0] ?? '');
    // Text before a sectioned document's first heading is usually an overview or a note
    // about the document itself; a section that matches says more.
    const preamble = hit.heading !== '' && hit.heading === hit.title ? 0.5 : 1;
    sentences(hit.text).forEach((text, index) => {
      if (text.length < 12) return;
      const rankFactor = [1, 0.8, 0.65][h]!;
      // Early sentences of a section whose heading matches carry its answer.
      const headingBoost = headingCover * (index < 3 ? 0.6 : 0.2);
      scored.push({ hit: h, index, text, score: (cover(text) + headingBoost) * rankFactor * preamble * hit.score });
    });
  });
  if (scored.length === 0) return { text: '', citations: [] };
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  const chosen: Scored[] = [best];
  let length = best.text.length;
  const tryAdd = (s: Scored | undefined) => {
    if (!s || chosen.includes(s) || length + s.text.length > maxChars) return;
    chosen.push(s);
    length += s.text.length;
  };
  // The sentence after the best one usually completes it (lists, explanations).
  tryAdd(scored.find((s) => s.hit === best.hit && s.index === best.index + 1));
  for (const s of ranked.slice(1)) if (s.score >= best.score * 0.6) tryAdd(s);
  chosen.sort((a, b) => a.hit - b.hit || a.index - b.index);
  const byHit = new Map<number, string[]>();
  for (const s of chosen) byHit.set(s.hit, [...(byHit.get(s.hit) ?? []), s.text]);
  const citations = [...byHit].map(([h, texts]) => citationOf(hits[h]!, texts.join(' ')));
  return { text: chosen.map((s) => s.text).join(' ').replace(/\s+/g, ' ').trim(), citations };
}
