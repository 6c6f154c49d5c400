import { headingParts } from './heading-path.ts';

/** A chunk as written to the index. `indexText` (title + headings + text) feeds BM25 and vectors. */
export interface IndexChunk {
  readonly ordinal: number;
  readonly heading: string;
  readonly page: number | null;
  readonly text: string;
  readonly indexText: string;
  readonly embedding: Float32Array | null;
  /** Term frequencies of `indexText`, when already counted. */
  readonly counts?: ReadonlyMap<string, number>;
}

/** The text a chunk is indexed by: its document title and heading path give it context. */
export function indexTextOf(title: string, heading: string, text: string): string {
  return `${title}\n${headingParts(heading).join('\n')}\n${text}`;
}
