import { sourceAddress } from '../../answer/render.ts';
import type { Answer, Citation } from '../../answer/types.ts';
import { ingestMessages, telegramMessages as t } from '../../messages/index.ts';
import { lastHeading } from '../../retrieval/index.ts';

/** Telegram's limit is 4096 characters per message; keep a margin for safety. */
export const MESSAGE_LIMIT = 4000;
const MAX_SOURCES = 5;

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * 'Judul — Bagian, hlm. 3': title, the last heading of the section and the page. The title
 * links to the document's public address (at the cited page of a PDF) when it has one.
 */
export function sourceLine(c: Citation): string {
  const section = lastHeading(c.heading).trim();
  const parts = [ingestMessages.dateline(c.place, c.published_at) || null, section && section !== c.title ? section : null, c.page ? t.ask.page(c.page) : null].filter(Boolean);
  const address = sourceAddress(c);
  const title = address ? `<a href="${escapeHtml(address).replace(/"/g, '&quot;')}">${escapeHtml(c.title)}</a>` : escapeHtml(c.title);
  return `• ${title}${parts.length > 0 ? ` — ${escapeHtml(parts.join(', '))}` : ''}`;
}

/**
 * An answer as Telegram HTML messages: the answer's paragraphs, then a compact
 * "Sumber:" list (one line per distinct source), split under the message limit on
 * paragraph boundaries.
 */
export function renderAnswer(a: Pick<Answer, 'answer' | 'citations' | 'understood'>, limit = MESSAGE_LIMIT): string[] {
  const blocks: string[] = [];
  if (a.understood) blocks.push(`<i>${t.ask.understood(a.understood)}</i>`);
  for (const p of a.answer.split(/\n\s*\n/)) if (p.trim()) blocks.push(escapeHtml(p.trim()));
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const c of a.citations) {
    const line = sourceLine(c);
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
    if (lines.length === MAX_SOURCES) break;
  }
  if (lines.length > 0) blocks.push([`<b>${t.ask.sources}</b>`, ...lines].join('\n'));
  return splitMessage(blocks, limit);
}

/**
 * Packs HTML blocks (paragraphs whose lines are each self-contained: no tag spans two
 * lines) into messages of at most `limit` characters. Blocks are joined by a blank
 * line; a block longer than the limit is split between lines, and a line longer than
 * the limit between words (never inside a tag or an entity).
 */
export function splitMessage(blocks: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const units: Array<{ text: string; sep: string }> = [];
  for (const block of blocks) {
    if (block.length <= limit) {
      units.push({ text: block, sep: '\n\n' });
      continue;
    }
    let first = true;
    for (const line of block.split('\n')) {
      for (const piece of line.length <= limit ? [line] : cutLine(line, limit)) {
        units.push({ text: piece, sep: first ? '\n\n' : '\n' });
        first = false;
      }
    }
  }
  const out: string[] = [];
  let current = '';
  for (const u of units) {
    if (current === '') current = u.text;
    else if (current.length + u.sep.length + u.text.length <= limit) current += u.sep + u.text;
    else {
      out.push(current);
      current = u.text;
    }
  }
  if (current.trim() !== '') out.push(current);
  return out.filter((m) => m.trim() !== '');
}

/** Splits one long line at spaces; a cut never falls inside an entity such as &amp;. */
function cutLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let at = rest.lastIndexOf(' ', limit);
    if (at < limit / 2) at = limit;
    const amp = rest.lastIndexOf('&', at);
    if (amp > 0 && rest.indexOf(';', amp) >= at) at = amp;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
