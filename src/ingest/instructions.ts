import { instructionAt } from '../language/index.ts';
import type { Block } from './blocks.ts';
import { joinHeadings } from '../retrieval/index.ts';

/** A passage that reads like an instruction to an assistant rather than programme content. */
export interface InstructionFlag {
  readonly page: number | null;
  readonly heading: string;
  /** The sentence holding it, shortened to 200 characters. */
  readonly excerpt: string;
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('. ', index) + 1, 0);
  const endDot = text.indexOf('. ', index);
  const sentence = text.slice(start, endDot < 0 ? text.length : endDot + 1).trim();
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}

/** The instruction-like passages of a document, one flag per block at most. */
export function findInstructions(blocks: readonly Block[]): InstructionFlag[] {
  const flags: InstructionFlag[] = [];
  for (const b of blocks) {
    const at = instructionAt(b.text);
    if (at !== null) flags.push({ page: b.page, heading: joinHeadings(b.headings), excerpt: sentenceAround(b.text, at) });
  }
  return flags;
}
