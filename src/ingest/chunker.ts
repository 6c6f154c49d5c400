import type { Block } from './blocks.ts';
import { sentences } from '../language/index.ts';
import { joinHeadings } from '../retrieval/index.ts';

export interface Chunk {
  readonly ordinal: number;
  readonly heading: string;
  readonly page: number | null;
  readonly text: string;
}

export interface ChunkOptions {
  /** Upper bound per chunk, in tokens (≈ 1.3 × words for Indonesian). */
  readonly maxTokens: number;
  /** Tokens of the previous chunk repeated at the start of the next one in the same section. */
  readonly overlapTokens: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { maxTokens: 450, overlapTokens: 60 };

export function tokenCount(text: string): number {
  return Math.ceil(text.split(/\s+/).filter(Boolean).length * 1.3);
}

/** Splits an over-long block at sentence ends (a table row or list item is only split when alone over the limit). */
function splitBlock(b: Block, max: number): Block[] {
  if (tokenCount(b.text) <= max) return [b];
  const out: Block[] = [];
  let cur = '';
  for (const s of sentences(b.text)) {
    const pieces = tokenCount(s) > max ? s.match(new RegExp(`(?:\\S+\\s*){1,${Math.floor(max / 1.3)}}`, 'g')) ?? [s] : [s];
    for (const p of pieces) {
      if (cur && tokenCount(`${cur} ${p}`) > max) {
        out.push({ ...b, text: cur.trim() });
        cur = '';
      }
      cur += ` ${p}`;
    }
  }
  if (cur.trim()) out.push({ ...b, text: cur.trim() });
  return out;
}

/**
 * Chunks follow headings: a chunk never spans two sections, carries its section's
 * heading path and the page of its first block, keeps list items and table rows whole,
 * and repeats the tail of the previous chunk of the same section as overlap.
 */
export function chunkBlocks(blocks: readonly Block[], options: ChunkOptions = DEFAULT_CHUNKING): Chunk[] {
  const chunks: Chunk[] = [];
  let section: Block[] = [];
  const flushSection = () => {
    if (section.length === 0) return;
    const heading = joinHeadings(section[0]!.headings);
    const parts = section.flatMap((b) => splitBlock(b, options.maxTokens - options.overlapTokens));
    let cur: Block[] = [];
    let curTokens = 0;
    const emit = () => {
      if (cur.length === 0) return;
      chunks.push({ ordinal: chunks.length, heading, page: cur[0]!.page, text: cur.map((b) => b.text).join('\n') });
    };
    for (const b of parts) {
      const t = tokenCount(b.text);
      if (cur.length > 0 && curTokens + t > options.maxTokens) {
        emit();
        const tail = cur[cur.length - 1]!;
        const keep = tokenCount(tail.text) <= options.overlapTokens ? [tail] : [];
        cur = keep;
        curTokens = keep.reduce((n, k) => n + tokenCount(k.text), 0);
      }
      cur.push(b);
      curTokens += t;
    }
    emit();
    section = [];
  };
  for (const b of blocks) {
    const prev = section[0];
    if (prev && (prev.headings.join('\u0000') !== b.headings.join('\u0000'))) flushSection();
    section.push(b);
  }
  flushSection();
  return chunks;
}
